# `import A.B` makes the module available by its last segment: `B.f(...)`.
import Math.Vector

fn main() do
  let o = Vector.origin()
  let v = Vector.add(o, Vector.add(o, o))
  println("${v.x}${v.y}")
end
