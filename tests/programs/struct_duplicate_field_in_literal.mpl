# A field given twice in a struct literal is an error (every field exactly once).
struct P do
  x :: Int
end

fn main() do
  let p = P { x: 1, x: 2 }
  println("${p.x}")
end
