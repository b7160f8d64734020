# `from A.B import f, T` makes functions and struct types usable unqualified.
from Math.Vector import add, origin, Vec2

fn main() do
  let v = add(origin(), Vec2 { x: 1, y: 2 })
  let w = add(v, v)
  println("${w.x} ${w.y}")
end
