# Range: new, to_list (empty when b <= a), map, filter, length.
fn main() do
  let r = Range.new(2, 6)
  println("${Range.to_list(r)} ${Range.to_list(Range.new(5, 5))} ${Range.to_list(Range.new(5, 1))}")
  println("${Range.map(r, fn x -> x * x end)} ${Range.filter(r, fn x -> x % 2 == 0 end)}")
  println("${Range.length(r)} ${Range.length(Range.new(3, 1))}")
end
