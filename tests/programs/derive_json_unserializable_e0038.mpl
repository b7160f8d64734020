# deriving(Json) with a field of a non-serializable type (a function) is E0038.
struct Job do
  name :: String
  run :: Fun(Int) -> Int
end deriving(Json)

fn main() do
  println("x")
end
