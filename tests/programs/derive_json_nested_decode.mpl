# from_json decodes nested structs, lists of structs, Option of struct and maps.
struct Point do
  x :: Int
  y :: Int
end deriving(Json)

struct Path do
  name :: String
  points :: List<Point>
  start :: Option<Point>
  meta :: Map<String, Float>
end deriving(Json)

fn main() do
  let text = "{\"name\":\"p\",\"points\":[{\"x\":1,\"y\":2},{\"x\":3,\"y\":4}],\"start\":{\"x\":0,\"y\":9},\"meta\":{\"w\":1.5}}"
  case Path.from_json(text) do
    Ok(p) -> do_print(p)
    Err(e) -> println("error: " <> e)
  end
end

fn do_print(p :: Path) do
  let total = List.reduce(p.points, 0, fn(acc, pt) -> acc + pt.x + pt.y end)
  let s = case p.start do
    Some(pt) -> "${pt.y}"
    None -> "-"
  end
  println(p.name <> " ${total} " <> s <> " ${Map.get(p.meta, "w")}")
  println(Json.encode(p))
end
