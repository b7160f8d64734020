# Underscores in decimal integers and floats are ignored.
fn main() do
  println("${1_000_000}")
  println("${1_2_3 + 0}")
  println("${1_000.000_5}")
  println("${1e1_0}")
  let big = 9_223_372_036_854_775_807
  println("${big}")
end
