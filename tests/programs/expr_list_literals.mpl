# List literals: trailing comma, nesting, empty list at any element type, Display text.
fn main() do
  let xs = [1, 2, 3,]
  let nested = [[1], [], [2, 3]]
  let names = ["hello", "world"]
  let empty :: List<String> = []
  println("${xs} ${nested} ${names} ${empty} ${List.length(empty)}")
end
