# Interfaces and impls: methods called with dot syntax and as plain functions.
interface Shape do
  fn area(self) -> Float
  fn name(self) -> String
end

struct Square do
  side :: Float
end

struct Circle do
  r :: Float
end

impl Shape for Square do
  fn area(self) -> Float do
    self.side * self.side
  end
  fn name(self) -> String do
    "square"
  end
end

impl Shape for Circle do
  fn area(self) -> Float do
    3.0 * self.r * self.r
  end
  fn name(self) -> String = "circle"
end

fn main() do
  let sq = Square { side: 2.0 }
  let c = Circle { r: 1.0 }
  println(sq.name() <> " ${sq.area()}")
  println(c.name() <> " ${c.area()}")
  println("${area(sq)}")
end
