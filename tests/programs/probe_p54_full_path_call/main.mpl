# P54: a qualified call through the full module path is not accepted (`Math` is unbound).
import Math.Vector

fn main() do
  let o = Math.Vector.origin()
  println("${o.x}")
end
