# Struct literals give every field once in any order; fields are read with `.`; nested structs.
struct Point do
  x :: Int
  y :: Int
end

struct Line do
  from :: Point
  to :: Point
  label :: String
end

fn main() do
  let p = Point { y: 2, x: 1 }
  let l = Line { label: "l", to: Point { x: 5, y: 6 }, from: p }
  println("${l.from.x} ${l.from.y} ${l.to.x + l.to.y} ${l.label}")
end
