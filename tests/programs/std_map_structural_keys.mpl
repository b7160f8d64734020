# Map keys compare structurally: built strings, tuples and lists find existing entries.
fn main() do
  let k = "ke" <> "y"
  let m = Map.put(%{"key" => 1}, k, 2)
  println("${Map.size(m)} ${Map.get(m, "key")}")
  let t = Map.put(%{(1, "a") => "first"}, (1, "a"), "second")
  println("${Map.size(t)} " <> Map.get(t, (1, "a")))
  let l = %{[1, 2] => true}
  println("${Map.has_key(l, [1] ++ [2])}")
end
