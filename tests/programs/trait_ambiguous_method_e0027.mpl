# A method provided by two interfaces for the same type is ambiguous (E0027).
interface A do
  fn describe(self) -> String
end

interface B do
  fn describe(self) -> String
end

struct T do
  x :: Int
end

impl A for T do
  fn describe(self) -> String = "a"
end

impl B for T do
  fn describe(self) -> String = "b"
end

fn main() do
  let t = T { x: 1 }
  println(t.describe())
end
