# Iterators are lazy: Iter.map runs only for the elements actually pulled.
fn main() do
  let it = Iter.from([1, 2, 3, 4]) |> Iter.map(fn x do
    println("map ${x}")
    x * 10
  end)
  let firsts = it |> Iter.take(2) |> List.collect()
  println("${firsts}")
end
