# An unterminated string literal is a lexical error.
fn main() do
  println("never closed)
end
