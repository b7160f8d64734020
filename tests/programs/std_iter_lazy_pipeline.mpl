# Iter: lazy map/filter/take/skip/enumerate/zip with List/String/Map/Set collectors and Iter.sum.
fn main() do
  println("${Iter.from([3, 4, 5]) |> Iter.map(fn n -> n * n end) |> Iter.sum()}")
  let evens = Iter.from([1, 2, 3, 4, 5, 6]) |> Iter.filter(fn n -> n % 2 == 0 end) |> List.collect()
  println("${evens}")
  println("${Iter.from([1, 2, 3, 4]) |> Iter.skip(1) |> Iter.take(2) |> List.collect()}")
  println("${Iter.from([1]) |> Iter.take(0) |> List.collect()} ${Iter.from([1, 2]) |> Iter.take(-1) |> Iter.count()}")
  println(Iter.from(["a", "b", "c"]) |> String.collect())
  let m = Iter.zip(Iter.from(["x", "y", "z"]), Iter.from([1, 2])) |> Map.collect()
  println("${m}")
  let s = Iter.from([1, 1, 2]) |> Set.collect()
  println("${Set.size(s)}")
  let e = Iter.enumerate(Iter.from(["p", "q"])) |> List.collect()
  println("${List.length(e)}")
end
