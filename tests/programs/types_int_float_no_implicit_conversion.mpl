# There is no implicit numeric conversion; Float.from / Int.to_float convert explicitly.
fn main() do
  let a = Float.from(1) + 1.5
  let b = Int.to_float(2) * 2.0
  let c = Float.to_int(3.9) + 1
  println("${a} ${b} ${c}")
end
