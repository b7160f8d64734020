# A binary operator at the end of a line does not continue the expression at depth 0.
fn main() do
  let total = 1 +
    2
  println("${total}")
end
