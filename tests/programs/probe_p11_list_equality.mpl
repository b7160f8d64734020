# P11: lists have structural equality.
fn main() do
  let f :: Bool = [1] == [1]
  println("${f} ${[1, 2] == [2, 1]}")
end
