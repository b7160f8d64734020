# Schema cannot be derived for a sum type (E0028).
type Status do
  Open
  Closed
end deriving(Schema)

fn main() do
  println("x")
end
