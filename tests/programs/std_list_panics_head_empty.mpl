# List.head on an empty list is a run-time error with a message and a trace.
fn first(xs :: List<Int>) -> Int do
  List.head(xs)
end

fn main() do
  println("before")
  println("${first([])}")
  println("after")
end
