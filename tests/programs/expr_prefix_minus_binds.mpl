# Prefix `-` binds tighter than `*` but looser than field access and calls: -x.y = -(x.y).
struct P do
  y :: Int
end

fn five() -> Int = 5

fn main() do
  let x = P { y: 4 }
  println("${-x.y} ${-five()} ${-2 * 3} ${- 2 - 3} ${--4}")
end
