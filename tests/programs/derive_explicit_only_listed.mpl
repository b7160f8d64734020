# An explicit deriving clause derives exactly the listed traits: Display without Eq has no `==`.
struct P do
  x :: Int
end deriving(Display)

fn main() do
  let p = P { x: 1 }
  println("${p == p}")
end
