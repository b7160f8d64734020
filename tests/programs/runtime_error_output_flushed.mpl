# Output printed before a run-time error is flushed; the exit status is non-zero.
fn main() do
  print("partial ")
  println("line")
  let xs :: List<Int> = []
  println("${List.head(xs)}")
end
