# Closures stored in lists and maps and called later.
fn main() do
  let ops = [fn x -> x + 1 end, fn x -> x * 2 end, fn x -> x - 3 end]
  let r = List.reduce(ops, 10, fn(acc, f) -> f(acc) end)
  println("${r}")
  let table = %{"neg" => fn(x :: Int) -> 0 - x end}
  let f = Map.get(table, "neg")
  println("${f(4)}")
end
