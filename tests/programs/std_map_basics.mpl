# Map: new, put (insert/replace keeps position), get, fetch, has_key, delete, size, keys, values.
fn main() do
  let m0 :: Map<String, Int> = Map.new()
  let m = Map.put(Map.put(Map.put(m0, "b", 2), "a", 1), "c", 3)
  let m2 = Map.put(m, "b", 20)
  println("${m2} ${Map.size(m2)} ${Map.get(m2, "b")}")
  println("${Map.keys(m2)} ${Map.values(m2)} ${Map.has_key(m2, "a")} ${Map.has_key(m2, "z")}")
  let d = Map.delete(m2, "a")
  println("${d} ${Map.delete(d, "zz")} ${m2}")
  case (Map.fetch(m, "c"), Map.fetch(m, "q")) do
    (Some(v), None) -> println("fetch ${v}")
    _ -> println("unexpected")
  end
end
