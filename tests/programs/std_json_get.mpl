# Json.get reads a top-level field as text ("" for missing, null or unparsable); get_nested two levels.
fn main() do
  let body = "{\"name\": \"ann\", \"age\": 30, \"ok\": true, \"tags\": [\"a\", 1], \"meta\": {\"k\": \"v\", \"n\": 2.5}, \"none\": null}"
  println(Json.get(body, "name"))
  println(Json.get(body, "age") <> " " <> Json.get(body, "ok"))
  println(Json.get(body, "tags"))
  println(Json.get(body, "meta"))
  println("[" <> Json.get(body, "missing") <> "][" <> Json.get(body, "none") <> "][" <> Json.get("not json", "a") <> "]")
  println(Json.get_nested(body, "meta", "k") <> " " <> Json.get_nested(body, "meta", "n"))
  println("[" <> Json.get_nested(body, "meta", "zz") <> "][" <> Json.get_nested(body, "name", "x") <> "]")
  println("[" <> Json.get("[1, 2]", "a") <> "]")
end
