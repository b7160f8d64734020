# Field values are rendered with their own Display (nested structs, lists, floats).
struct Inner do
  n :: Int
end deriving(Display)

struct Outer do
  inner :: Inner
  xs :: List<Int>
  f :: Float
  name :: String
end deriving(Display)

fn main() do
  let o = Outer { inner: Inner { n: 1 }, xs: [1, 2], f: 2.0, name: "n" }
  println("${o}")
end
