# An impl without a required method is E0007.
interface Shape do
  fn area(self) -> Float
  fn name(self) -> String
end

struct Sq do
  s :: Float
end

impl Shape for Sq do
  fn name(self) -> String = "sq"
end

fn main() do
  println("x")
end
