# Strings are escaped in JSON output (quotes, backslashes, newlines, tabs) and unescaped on decode.
struct Msg do
  text :: String
end deriving(Json)

fn main() do
  let m = Msg { text: "say \"hi\"\\ now\n\tok" }
  let encoded = Json.encode(m)
  println(encoded)
  case Msg.from_json(encoded) do
    Ok(back) -> println("${back.text == m.text}")
    Err(e) -> println(e)
  end
end
