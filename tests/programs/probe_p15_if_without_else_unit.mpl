# P15: `if` without `else` has type () (REC), not the then-branch type.
fn main() do
  let a = 1
  let z = if a > 0 do 5 end
  let u :: () = z
  let _ = u
  println("unit")
end
