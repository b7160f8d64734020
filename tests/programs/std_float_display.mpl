# Float Display: shortest round-trip text without a forced `.0`; NaN and infinities.
fn main() do
  println("${3.0} ${95.5} ${0.1 + 0.2} ${1.0 / 3.0} ${-2.0} ${100.0}")
  println("${0.0 / 0.0} ${1.0 / 0.0} ${-1.0 / 0.0}")
  println("${1.0e15} ${123456.789}")
end
