# Iterators are persistent values: collecting one twice gives the same elements both times
# (the original's iterators were single-pass).
fn main() do
  let source = Iter.from([1, 2, 3])
  let a = List.collect(source)
  let b = List.collect(source)
  println("${a} ${b}")
end
