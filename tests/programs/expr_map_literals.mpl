# Map literals: `%{k => v}`, trailing comma, empty `%{}`, Display `%{k => v, …}` in insertion order.
fn main() do
  let m = %{"b" => 2, "a" => 1,}
  let e :: Map<Int, String> = %{}
  let ints = %{3 => "three", 1 => "one"}
  println("${m} ${e} ${ints}")
  println("${Map.get(m, "a") + Map.get(m, "b")}")
end
