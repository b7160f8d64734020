# A local `let` cannot be used before its definition (E0004), even though functions can.
fn main() do
  println("${later}")
  let later = 1
end
