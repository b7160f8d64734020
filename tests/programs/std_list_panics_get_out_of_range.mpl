# List.get with an index out of range is a run-time error.
fn main() do
  let xs = [1, 2, 3]
  println("${List.get(xs, 3)}")
end
