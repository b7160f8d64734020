# Math.abs of the smallest Int is a run-time error (the result would overflow).
fn main() do
  let min = -9223372036854775807 - 1
  println("${Math.abs(min)}")
end
