# Map.merge (b wins, a's order first), to_list, from_list (later duplicates win), Int keys.
fn main() do
  let a = %{1 => "one", 2 => "two"}
  let b = %{3 => "three", 1 => "uno"}
  println("${Map.merge(a, b)}")
  let pairs = Map.to_list(%{"x" => 1, "y" => 2})
  for p in pairs do
    let (k, v) = p
    println(k <> "=${v}")
  end
  let m = Map.from_list([("k", 1), ("j", 2), ("k", 3)])
  println("${m} ${Map.get(m, "k")}")
end
