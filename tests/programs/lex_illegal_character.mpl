# Characters outside the language (`@`, `$` outside strings, `^`) are lexical errors.
fn main() do
  let a = 1 @ 2
  let b = $x
  println("x")
end
