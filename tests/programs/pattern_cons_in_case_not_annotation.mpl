# In a case arm `x :: rest` is a cons pattern, not a type annotation.
fn main() do
  let r = case [7, 8] do
    x :: rest -> x + List.length(rest)
    _ -> 0
  end
  println("${r}")
end
