# P10: `true < false` is E0006: Bool does not implement Ord.
fn main() do
  let e = true < false
  println("x")
end
