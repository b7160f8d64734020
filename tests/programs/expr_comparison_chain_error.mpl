# `a < b < c` is `(a < b) < c`, a type error (Bool is compared with Int).
fn main() do
  let x = 1 < 2 < 3
  println("${x}")
end
