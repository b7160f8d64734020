# A type with Debug but no Display is interpolated with its Debug text.
struct Cfg do
  name :: String
  level :: Int
end deriving(Debug)

type Mode do
  Fast
  Slow(Int)
end deriving(Debug)

fn main() do
  println("cfg = ${Cfg { name: "x", level: 2 }}")
  println("${Fast} ${Slow(3)}")
end
