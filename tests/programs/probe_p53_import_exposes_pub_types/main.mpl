# P53: after `import Math.Vector`, its pub struct and sum-type variants are known unqualified.
import Math.Vector

fn name(d :: Dir) -> String do
  case d do
    North -> "north"
    South -> "south"
  end
end

fn main() do
  let o = Vector.origin()
  let v = Vec2 { x: 1, y: 2 }
  println("${o.x + v.x + v.y} ${name(North)}")
end
