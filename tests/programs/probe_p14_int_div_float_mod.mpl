# P14: `7 / 2` is an Int (3); `2.0 % 1.0` is a Float (0).
fn main() do
  let j :: Int = 7 / 2
  let l :: Float = 2.0 % 1.0
  println("${j} ${l}")
end
