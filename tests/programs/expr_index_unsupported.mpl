# Index expressions `a[i]` have no semantics and are rejected (REC §7.20).
fn main() do
  let xs = [1, 2, 3]
  println("${xs[0]}")
end
