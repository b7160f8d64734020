# List.last on an empty list is a run-time error.
fn main() do
  let e :: List<String> = []
  println(List.last(e))
end
