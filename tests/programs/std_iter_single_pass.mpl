# Iterators are single-pass and stateful: consuming one twice yields nothing the second time.
fn main() do
  let source = Iter.from([1, 2, 3])
  let a = List.collect(source)
  let b = List.collect(source)
  println("${a} ${b}")
end
