# CRLF and lone CR line endings each end a line.
fn main() do
  let a = 1
  let b = 2  println("${a + b}")
end
