# Two impls of the same interface for the same type is E0026.
interface Show do
  fn show(self) -> String
end

struct Sq do
  s :: Int
end

impl Show for Sq do
  fn show(self) -> String = "a"
end

impl Show for Sq do
  fn show(self) -> String = "b"
end

fn main() do
  println("x")
end
