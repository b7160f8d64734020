# An unterminated (nested) block comment is a lexical error.
fn main() do
  #= outer #= inner =# still open
  println("x")
end
