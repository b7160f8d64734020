# P5: `let a = 1 +` NL `2` is a parse error "expected expression".
fn main() do
  let a = 1 +
  2
  println("${a}")
end
