# List natives and the higher-order functions written in Mesh.

fn by_first(p :: (Int, String), q :: (Int, String)) -> Int do
  Tuple.first(p) - Tuple.first(q)
end

fn main() do
  let xs = [5, 3, 8, 1]
  println("new: ${List.new()} length: ${List.length(xs)} append: ${List.append(xs, 9)}")
  println("head: ${List.head(xs)} tail: ${List.tail(xs)} last: ${List.last(xs)}")
  println("get: ${List.get(xs, 0)} ${List.get(xs, 3)} nth: ${List.nth(xs, 2)}")
  println("concat: ${List.concat(xs, [0])} reverse: ${List.reverse(xs)}")
  println("contains: ${List.contains(xs, 8)} ${List.contains(xs, 4)} ${List.contains(["fatal", "error"], "err" <> "or")}")
  println("zip: ${List.zip(xs, ["a", "b"])} enumerate: ${List.enumerate(["a", "b"])}")
  println("flatten: ${List.flatten([[1], [], [2, 3]])}")
  println("take: ${List.take(xs, 2)} ${List.take(xs, -1)} ${List.take(xs, 10)}")
  println("drop: ${List.drop(xs, 2)} ${List.drop(xs, -1)} ${List.drop(xs, 10)}")
  println("map: ${List.map(xs, fn x -> x * 2 end)}")
  println("filter: ${List.filter(xs, fn x -> x > 2 end)}")
  println("reduce: ${List.reduce(xs, 0, fn acc, x -> acc + x end)} ${List.reduce(["a", "b"], "", fn acc, s -> acc <> s end)}")
  println("sort: ${List.sort(xs, fn a, b -> a - b end)} desc: ${List.sort(xs, fn a, b -> b - a end)}")
  println("sort edge: ${List.sort([], fn a, b -> a - b end)} ${List.sort([7], fn a, b -> a - b end)}")
  let pairs = [(2, "a"), (1, "b"), (2, "c"), (1, "d"), (0, "e")]
  println("stable: ${List.sort(pairs, by_first)}")
  println("find: ${List.find(xs, fn x -> x > 4 end)} ${List.find(xs, fn x -> x > 40 end)}")
  println("any: ${List.any(xs, fn x -> x == 8 end)} ${List.any([], fn x -> x == 8 end)}")
  println("all: ${List.all(xs, fn x -> x > 0 end)} ${List.all(xs, fn x -> x > 1 end)} ${List.all([], fn x -> x > 0 end)}")
  println("flat_map: ${List.flat_map([1, 2], fn x -> [x, x * 10] end)}")
  println("collect: ${List.collect(Iter.from(xs))}")
  println("unchanged: ${xs}")
end
