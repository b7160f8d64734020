# P8: `1 + 1.0` is E0001 (expected Int, found Float): no implicit numeric conversion.
fn main() do
  let c = 1 + 1.0
  println("x")
end
