# Calling an unknown method is E0030.
struct T do
  x :: Int
end

fn main() do
  let t = T { x: 1 }
  println(t.frobnicate())
end
