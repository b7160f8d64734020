# P19: `%{p | x: 10}` is a Point.
struct Point do
  x :: Int
  y :: Int
end

fn main() do
  let p = Point { x: 1, y: 2 }
  let q :: Point = %{p | x: 10}
  println("${q.x} ${q.y} ${p.x}")
end
