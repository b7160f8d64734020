# Map.get on a missing key is a run-time error naming the key.
fn main() do
  let m = %{"a" => 1}
  println("${Map.get(m, "a")}")
  println("${Map.get(m, "missing")}")
end
