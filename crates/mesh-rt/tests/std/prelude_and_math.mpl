# Prelude functions, Int/Float/Math.

fn main() do
  let xs = [1, 2, 3]
  print("print ")
  println("println")
  println("map: ${map(xs, fn x -> x + 1 end)} filter: ${filter(xs, fn x -> x != 2 end)}")
  println("reduce: ${reduce(xs, 10, fn acc, x -> acc - x end)} head: ${head(xs)} tail: ${tail(xs)}")
  println("compare: ${compare(1, 2)} ${compare("b", "a")} ${compare(3, 3)} ${compare([1, 2], [1, 3])}")
  let zero :: Int = default()
  let empty :: String = default()
  println("default: ${zero} [${empty}]")
  println("min: ${Math.min(3, 7)} ${Math.min(2.5, 1.5)} ${Math.min("b", "a")} max: ${Math.max(3, 7)} ${Math.max(-1.0, -2.0)}")
  let nan = 0.0 / 0.0
  println("nan ignored: ${Math.min(nan, 1.0)} ${Math.min(1.0, nan)} ${Math.max(nan, 2.0)} ${Math.max(2.0, nan)}")
  println("abs: ${Math.abs(-3)} ${Math.abs(4)} ${Math.abs(-2.5)}")
  println("pi: ${Math.pi} pow: ${Math.pow(2.0, 10.0)} sqrt: ${Math.sqrt(2.25)} ${Math.sqrt(-1.0)}")
  println("floor: ${Math.floor(-1.5)} ceil: ${Math.ceil(-1.5)} round: ${Math.round(2.5)} ${Math.round(-2.5)} ${Math.round(2.4)}")
  println("to_float: ${Int.to_float(3)} ${Float.from(-2)} to_int: ${Float.to_int(2.9)} ${Float.to_int(-2.9)} ${Float.to_int(nan)} ${Float.to_int(1.0e300)}")
end
