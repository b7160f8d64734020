# Float literal forms: decimal point, exponents (e/E, signs) and their Display text.
fn main() do
  println("${3.0}")
  println("${95.5}")
  println("${1e3}")
  println("${1E+2}")
  println("${2.5e-3}")
  println("${0.1 + 0.2}")
  println("${1.5E1}")
  println("${0.0}")
end
