# P9: `"a" + "b"` is E0006: String does not implement Add.
fn main() do
  let d = "a" + "b"
  println("x")
end
