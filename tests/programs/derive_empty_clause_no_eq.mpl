# `deriving()` derives nothing, so `==` on the type is E0006.
struct P do
  x :: Int
end deriving()

fn main() do
  let p = P { x: 1 }
  println("${p == p}")
end
