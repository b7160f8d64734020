# deriving(Json): Json.encode / to_json give an object keyed by field name, in declaration order.
struct User do
  name :: String
  age :: Int
  score :: Float
  admin :: Bool
  tags :: List<String>
end deriving(Json)

fn main() do
  let u = User { name: "ann", age: 30, score: 2.5, admin: false, tags: ["a", "b"] }
  println(Json.encode(u))
  println(u.to_json())
end
