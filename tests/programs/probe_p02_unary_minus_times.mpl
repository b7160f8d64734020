# P2: `-2 * 3` is `(-2) * 3`, an Int.
fn main() do
  let d :: Int = -2 * 3
  println("${d}")
end
