# exit: 1

fn main() do
  println("before")
  let empty :: List<Int> = []
  let x = List.head(empty)
  println("not reached ${x}")
end
