# Deriving a trait that is not derivable is E0028.
struct Foo do
  x :: Int
end deriving(Eq, Clone)

fn main() do
  println("x")
end
