# Schema lines parse in any struct body; without deriving(Schema) they have no effect.
struct Plain do
  table "plain"
  x :: Int
end

fn main() do
  let p = Plain { x: 3 }
  println("${p.x}")
end
