# A Map field with non-String keys is not JSON-serializable (E0038).
struct Index do
  by_id :: Map<Int, String>
end deriving(Json)

fn main() do
  println("x")
end
