# P1: `not a == b` parses as `(not a) == b` and has type Bool.
fn main() do
  let a = true
  let b = false
  let c :: Bool = not a == b
  let d = not a == not b
  println("${c} ${d}")
end
