# P22: `for i in 0..10 when i % 2 == 0 do i * 10 end` is a List<Int>.
fn main() do
  let xs :: List<Int> = for i in 0..10 when i % 2 == 0 do i * 10 end
  println("${xs}")
end
