# Impls for built-in types (Int, String) enable method syntax on literals.
interface Describe do
  fn describe(self) -> String
end

impl Describe for Int do
  fn describe(self) -> String = "int ${self}"
end

impl Describe for String do
  fn describe(self) -> String = "string " <> self
end

fn main() do
  println(5.describe())
  println("x".describe())
  let n = 7
  println(n.describe())
end
