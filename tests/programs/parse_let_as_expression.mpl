# `let` is a statement, not an expression: it cannot be an operand.
fn main() do
  let x = (let y = 1)
  println("${x}")
end
