# Json.parse gives an opaque Json value re-encoded compactly; parse errors are Err(message).
fn main() do
  case Json.parse("{ \"a\" : [1, 2.5, true, null], \"b\": {\"c\": \"d\"} }") do
    Ok(j) -> println(Json.encode(j))
    Err(e) -> println("error " <> e)
  end
  case JSON.parse("[1,") do
    Ok(j) -> println(JSON.encode(j))
    Err(e) -> println("error: ${String.length(e) > 0}")
  end
  case Json.parse("") do
    Ok(_) -> println("parsed nothing?")
    Err(e) -> println(e)
  end
end
