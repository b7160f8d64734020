# Derived Eq is structural: same variant and equal fields; `!=` is its negation.
struct P do
  x :: Int
  tags :: List<String>
end deriving(Eq)

type Shape do
  Circle(Float)
  Square(Float)
end deriving(Eq)

fn main() do
  let a = P { x: 1, tags: ["a"] }
  let b = P { x: 1, tags: ["a"] }
  let c = P { x: 1, tags: ["b"] }
  println("${a == b} ${a == c} ${a != c}")
  println("${Circle(1.0) == Circle(1.0)} ${Circle(1.0) == Square(1.0)} ${Circle(1.0) != Circle(2.0)}")
end
