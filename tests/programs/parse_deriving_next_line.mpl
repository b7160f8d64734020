# `deriving(...)` must be on the same line as the `end` it follows.
struct P do
  x :: Int
end
deriving(Eq)

fn main() do
  println("x")
end
