# from_json decodes structs and sum types; encode(decode(x)) round-trips.
type Shape do
  Circle(Float)
  Dot
end deriving(Json, Eq)

struct Item do
  id :: Int
  price :: Float
  shape :: Shape
  tags :: List<String>
end deriving(Json)

fn main() do
  let text = "{\"id\": 7, \"price\": 3, \"shape\": {\"tag\": \"Circle\", \"fields\": [2.5]}, \"tags\": [\"x\"], \"extra\": true}"
  case Item.from_json(text) do
    Ok(item) -> println("${item.id} ${item.price} ${item.shape == Circle(2.5)} ${item.tags}")
    Err(e) -> println("error: " <> e)
  end
  case Shape.from_json("{\"tag\":\"Dot\",\"fields\":[]}") do
    Ok(s) -> println("${s == Dot}")
    Err(e) -> println("error: " <> e)
  end
end
