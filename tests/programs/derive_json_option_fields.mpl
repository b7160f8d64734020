# Option fields encode as the value or null and decode from a value, null or a missing key.
struct Profile do
  name :: String
  nick :: Option<String>
  age :: Option<Int>
end deriving(Json)

fn show(p :: Profile) -> String do
  let nick = case p.nick do
    Some(n) -> n
    None -> "-"
  end
  let age = case p.age do
    Some(a) -> "${a}"
    None -> "-"
  end
  p.name <> " " <> nick <> " " <> age
end

fn main() do
  println(Json.encode(Profile { name: "a", nick: Some("ace"), age: None }))
  let inputs = ["{\"name\":\"b\",\"nick\":null,\"age\":7}", "{\"name\":\"c\"}", "{\"name\":\"d\",\"nick\":\"dd\",\"age\":null}"]
  for text in inputs do
    case Profile.from_json(text) do
      Ok(p) -> println(show(p))
      Err(e) -> println("error: " <> e)
    end
  end
end
