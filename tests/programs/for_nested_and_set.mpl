# Nested comprehensions and iterating a Set.
fn main() do
  let grid = for i in 0..3 do
    for j in 0..2 do i * 10 + j end
  end
  println("${grid}")
  let s = Set.from_list([3, 1, 3, 2])
  let doubled = for x in s do x * 2 end
  println("${doubled}")
end
