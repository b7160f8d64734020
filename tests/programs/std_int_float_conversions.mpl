# Int.to_float, Float.to_int (truncation toward zero, saturating, NaN → 0), Float.from.
fn main() do
  println("${Int.to_float(3)} ${Float.to_int(2.9)} ${Float.to_int(-2.9)} ${Float.from(7)}")
  println("${Float.to_int(1.0e300)} ${Float.to_int(-1.0e300)} ${Float.to_int(0.0 / 0.0)}")
end
