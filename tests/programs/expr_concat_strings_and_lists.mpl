# `<>` and `++` are synonyms: both concatenate strings and lists.
fn main() do
  println("ab" <> "cd" ++ "ef")
  println("${[1, 2] ++ [3] <> [4, 5]}")
  println("${[] ++ ["x"]}")
end
