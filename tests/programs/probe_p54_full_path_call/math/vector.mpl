# Math.Vector: a small module with public and private items.
pub struct Vec2 do
  x :: Int
  y :: Int
end

pub type Dir do
  North
  South
end

pub fn origin() -> Vec2 do
  Vec2 { x: 0, y: 0 }
end

pub fn add(a :: Vec2, b :: Vec2) -> Vec2 do
  Vec2 { x: a.x + b.x, y: a.y + b.y }
end

fn secret() -> Int do
  42
end
