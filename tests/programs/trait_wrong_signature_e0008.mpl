# An impl method whose return type differs from the interface's is E0008.
interface Shape do
  fn area(self) -> Float
end

struct Sq do
  s :: Float
end

impl Shape for Sq do
  fn area(self) -> Int do
    1
  end
end

fn main() do
  println("x")
end
