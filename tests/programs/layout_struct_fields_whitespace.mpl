# Struct fields are separated by newlines (or just whitespace); trailing comments are fine.
struct P do
  x :: Int   # the x
  y :: Int
end

struct Q do a :: Int b :: String end

fn main() do
  let p = P { x: 1, y: 2 }
  let q = Q { a: 3, b: "s" }
  println("${p.x + p.y + q.a}${q.b}")
end
