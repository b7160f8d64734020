# List higher-order functions: map, filter, reduce (accumulator first), find, any, all, flat_map.
fn main() do
  let xs = [1, 2, 3, 4, 5]
  println("${List.map(xs, fn x -> x * 2 end)} ${List.filter(xs, fn x -> x % 2 == 1 end)}")
  println(List.reduce(xs, "", fn(acc, x) -> acc <> "${x}" end))
  let f = List.find(xs, fn x -> x > 3 end)
  let g = List.find(xs, fn x -> x > 9 end)
  case (f, g) do
    (Some(a), None) -> println("found ${a}")
    _ -> println("unexpected")
  end
  println("${List.any(xs, fn x -> x == 3 end)} ${List.all(xs, fn x -> x > 0 end)} ${List.all([], fn x -> x > 0 end)} ${List.any([], fn x -> x > 0 end)}")
  println("${List.flat_map([1, 2], fn x -> [x, x * 10] end)}")
end
