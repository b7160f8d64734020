# Math: abs, min, max (Int and Float), pi, pow, sqrt, floor/ceil/round returning Int.
fn main() do
  println("${Math.abs(-5)} ${Math.abs(2.5)} ${Math.abs(-0.5)}")
  println("${Math.min(3, 7)} ${Math.max(3, 7)} ${Math.min(2.5, -1.0)} ${Math.max("a", "b")}")
  println("${Math.pi}")
  println("${Math.pow(2.0, 10.0)} ${Math.sqrt(16.0)} ${Math.sqrt(-1.0)}")
  println("${Math.floor(2.7)} ${Math.floor(-2.2)} ${Math.ceil(2.2)} ${Math.ceil(-2.7)}")
  println("${Math.round(2.5)} ${Math.round(-2.5)} ${Math.round(2.4)}")
  let r :: Int = Math.round(1.5)
  println("${r + 1}")
end
