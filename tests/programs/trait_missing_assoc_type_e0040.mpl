# An impl that does not bind a declared associated type is E0040.
interface Stack do
  type Elem
  fn top(self) -> Self.Elem
end

struct S do
  x :: Int
end

impl Stack for S do
  fn top(self) -> Int = self.x
end

fn main() do
  println("x")
end
