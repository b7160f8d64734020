# Float division by zero is not an error: it follows IEEE-754.
fn main() do
  println("${1.0 / 0.0} ${-1.0 / 0.0} ${0.0 / 0.0}")
end
