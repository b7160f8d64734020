# Arrow closures inside brackets may continue on the next line; multi-line do-closures as arguments.
fn main() do
  let xs = List.map([1, 2, 3], fn x ->
    x + 1
  end)
  println("${xs}")
  let total = List.reduce(xs, 0, fn(acc, x) do
    let doubled = x * 2
    acc + doubled
  end)
  println("${total}")
end
