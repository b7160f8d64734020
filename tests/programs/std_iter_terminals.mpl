# Iter terminal operations: count, any/all (short-circuit), find, reduce.
fn main() do
  println("${Iter.from([1, 2, 3]) |> Iter.count()}")
  println("${Iter.any(Iter.from([1, 2, 3]), fn x -> x > 2 end)} ${Iter.all(Iter.from([1, 2, 3]), fn x -> x > 2 end)}")
  case Iter.find(Iter.from([5, 6, 7]), fn x -> x > 5 end) do
    Some(x) -> println("found ${x}")
    None -> println("none")
  end
  println("${Iter.reduce(Iter.from([1, 2, 3, 4]), 0, fn(a, b) -> a + b end)}")
end
