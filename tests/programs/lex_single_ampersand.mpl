# A single `&` is a lexical error (only `&&` exists).
fn main() do
  let a = true & false
  println("x")
end
