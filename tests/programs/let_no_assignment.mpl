# There is no assignment statement: `x = 1` is a parse error.
fn main() do
  let x = 0
  x = 1
  println("${x}")
end
