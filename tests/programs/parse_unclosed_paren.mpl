# An unclosed parenthesis is reported.
fn main() do
  println("a"
end
