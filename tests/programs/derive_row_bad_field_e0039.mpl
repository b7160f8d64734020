# deriving(Row) with a field that cannot come from a database row (a List) is E0039.
struct Bad do
  id :: Int
  items :: List<String>
end deriving(Row)

fn main() do
  println("x")
end
