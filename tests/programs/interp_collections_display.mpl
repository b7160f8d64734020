# Display of nested collections: strings unquoted, maps `%{k => v}`, sets `#{…}`, tuples in lists.
fn main() do
  println("${[["a", "b"], []]}")
  println("${%{"k" => [1, 2]}}")
  println("${[Set.from_list([1])]}")
  println("${[1.0, 2.5]}")
  println("${[true, false]}")
end
