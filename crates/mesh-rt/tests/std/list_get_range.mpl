# exit: 1

fn main() do
  println("before")
  let x = List.get([1, 2, 3], 5)
  println("not reached ${x}")
end
