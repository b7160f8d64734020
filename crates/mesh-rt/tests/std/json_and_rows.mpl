# Json encoding/decoding and deriving(Json)/deriving(Row).

struct Point do
  x :: Int
  y :: Int
end deriving(Eq, Display, Debug, Json)

type Shape do
  Circle(Float)
  Rect(Float, Float)
  Dot
end deriving(Eq, Display, Debug, Json)

struct User do
  name :: String
  email :: Option<String>
  tags :: List<String>
  home :: Option<Point>
  shape :: Shape
  meta :: Map<String, Int>
end deriving(Debug, Json)

struct Rec do
  id :: Int
  name :: String
  score :: Float
  ok :: Bool
  note :: Option<String>
end deriving(Row, Debug)

fn main() do
  let p = Point { x: 1, y: 2 }
  println(Json.encode(p))
  println(JSON.encode(Circle(1.5)) <> " " <> Json.encode(Dot) <> " " <> Json.encode([p]))
  println(Json.encode(%{"m" => [Some(1), None]}) <> " " <> Json.encode((1, "two", 2.0)) <> " " <> Json.encode(0.0 / 0.0))
  let u = User { name: "ana", email: None, tags: ["a"], home: Some(p), shape: Rect(1.0, 2.5), meta: %{"z" => 1, "a" => 2} }
  let text = Json.encode(u)
  println(text)
  println("${User.from_json(text)}")
  println("${User.from_json("{\"name\": \"b\", \"tags\": [], \"shape\": {\"tag\": \"Dot\", \"fields\": []}, \"meta\": {}}")}")
  println("${Point.from_json("{\"x\": 1.9, \"y\": 2}")} ${Point.from_json("{\"x\": 1}")} ${Point.from_json("{\"x\": \"1\", \"y\": 2}")} ${Point.from_json("[")}")
  println("${Shape.from_json("{\"tag\": \"Hexagon\", \"fields\": []}")}")
  case Json.parse("{\"a\": [1, 2.5, null, {\"b\": true}]}") do
    Ok(j) -> println(Json.encode(j))
    Err(e) -> println(e)
  end
  println("${JSON.parse("nope")}")
  println(Json.encode_string("q\"uote") <> " " <> Json.encode_int(-3) <> " " <> Json.encode_bool(false))
  println(Json.encode_map(%{"b" => "2", "a" => "1"}) <> " " <> Json.encode_list(["x", "y"]))
  let doc = "{\"s\": \"hi\", \"n\": 1.5, \"z\": null, \"o\": {\"k\": [1, 2]}}"
  println("get: [${Json.get(doc, "s")}] [${Json.get(doc, "n")}] [${Json.get(doc, "z")}] [${Json.get(doc, "missing")}] [${Json.get(doc, "o")}] [${Json.get("bad", "s")}]")
  println("nested: [${Json.get_nested(doc, "o", "k")}] [${Json.get_nested(doc, "o", "nope")}]")
  println("${Rec.from_row(%{"id" => " 7 ", "name" => "x", "score" => "-Infinity", "ok" => "YES", "note" => ""})}")
  println("${Rec.from_row(%{"id" => "7", "name" => "x", "score" => "1", "ok" => "f", "note" => "n"})}")
  println("${Rec.from_row(%{"id" => "7"})} ${Rec.from_row(%{"id" => "q"})} ${Rec.from_row(%{"id" => "1", "name" => "", "score" => "x", "ok" => "t"})}")
  println("${Rec.from_row(%{"id" => "1", "name" => "", "score" => "1", "ok" => "maybe"})}")
end
