# `for` is a list comprehension: over lists, ranges, with `when` filters; value usable or discarded.
fn main() do
  let squares = for i in 0..5 do i * i end
  let big = for x in [3, 8, 1, 9] when x > 2 do x * 10 end
  let empty = for i in 5..5 do i end
  let down = for i in 3..1 do i end
  println("${squares} ${big} ${empty} ${down}")
  for name in ["a", "b"] do
    println(name)
  end
end
