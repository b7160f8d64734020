# `not` and `!` need a Bool operand.
fn main() do
  let x = not 5
  println("${x}")
end
