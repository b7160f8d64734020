# List.nth with a negative index is a run-time error.
fn main() do
  println("${List.nth([1], -1)}")
end
