# Lazy, persistent iterators and the collectors.

fn main() do
  let it = Iter.from([1, 2, 3, 4, 5, 6])
  println("sum: ${Iter.from([3, 4, 5]) |> Iter.map(fn n -> n * n end) |> Iter.sum()}")
  println("filter: ${List.collect(Iter.filter(it, fn n -> n % 2 == 0 end))}")
  println("take: ${List.collect(Iter.take(it, 2))} ${List.collect(Iter.take(it, 0))} ${List.collect(Iter.take(it, -3))} ${List.collect(Iter.take(it, 99))}")
  println("skip: ${List.collect(Iter.skip(it, 4))} ${List.collect(Iter.skip(it, 0))} ${List.collect(Iter.skip(it, 99))}")
  println("enumerate: ${List.collect(Iter.enumerate(Iter.from(["a", "b"])))}")
  println("zip: ${List.collect(Iter.zip(it, Iter.from(["x", "y"])))} ${List.collect(Iter.zip(Iter.from([]), it))}")
  println("count: ${Iter.count(it)} ${Iter.count(Iter.from([]))}")
  println("any: ${Iter.any(it, fn n -> n > 5 end)} ${Iter.any(it, fn n -> n > 6 end)}")
  println("all: ${Iter.all(it, fn n -> n > 0 end)} ${Iter.all(it, fn n -> n > 1 end)} ${Iter.all(Iter.from([]), fn n -> n > 1 end)}")
  println("find: ${Iter.find(it, fn n -> n > 3 end)} ${Iter.find(it, fn n -> n > 30 end)}")
  println("reduce: ${Iter.reduce(it, 0, fn acc, n -> acc + n end)} ${Iter.reduce(it, "", fn acc, n -> acc <> String.from(n) end)}")
  println("persistent: ${Iter.count(it)} ${Iter.count(it)}")
  let chained = it |> Iter.map(fn n -> n * 3 end) |> Iter.filter(fn n -> n % 2 == 1 end) |> Iter.skip(1) |> Iter.take(5)
  println("chained: ${List.collect(chained)}")
  case Iter.next(it) do
    Some((first, rest)) -> println("next: ${first} then ${List.collect(rest)}")
    None -> println("empty")
  end
  println("map collect: ${Map.collect(Iter.from([("a", 1), ("b", 2), ("a", 3)]))}")
  println("set collect: ${Set.collect(Iter.from([3, 1, 3]))}")
  println("string collect: ${String.collect(Iter.from(["ab", "", "cd"]))}")
end
