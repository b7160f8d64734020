# Clauses may mix `= expr` and `do … end` bodies; constructor and tuple parameter patterns.
fn describe(Some(0)) = "zero"
fn describe(Some(n)) do
  let doubled = n * 2
  "some ${doubled}"
end
fn describe(None) = "none"

fn dist((0, 0)) = 0
fn dist((x, y)) = x + y

fn main() do
  println(describe(Some(0)))
  println(describe(Some(4)))
  println(describe(None))
  println("${dist((0, 0))} ${dist((2, 3))}")
end
