# P24: `while false do 1 end` has type ().
fn main() do
  let w :: () = while false do 1 end
  let _ = w
  println("unit")
end
