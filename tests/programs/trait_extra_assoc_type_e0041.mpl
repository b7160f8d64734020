# An impl binding an associated type the interface does not declare is E0041.
interface Show do
  fn show(self) -> String
end

struct S do
  x :: Int
end

impl Show for S do
  type Extra = Int
  fn show(self) -> String = "s"
end

fn main() do
  println("x")
end
