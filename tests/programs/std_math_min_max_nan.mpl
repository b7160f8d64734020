# Math.min/max on Floats ignore a NaN operand.
fn main() do
  let nan = 0.0 / 0.0
  println("${Math.min(nan, 1.0)} ${Math.min(1.0, nan)} ${Math.max(nan, 2.0)} ${Math.max(2.0, nan)}")
end
