# `case` picks the first matching arm whose guard holds; `match` is a synonym.
fn lookup(id :: Int) -> String!Int do
  if id == 1 do Ok("ann") else Err(id) end
end

fn describe(id :: Int) -> String do
  let outcome = lookup(id)
  case outcome do
    Ok(user) -> "user " <> user
    Err(code) when code >= 500 -> "server error"
    Err(_) -> "client error"
  end
end

fn main() do
  println(describe(1))
  println(describe(503))
  println(describe(404))
  let v = match 3 do
    3 -> "three"
    _ -> "other"
  end
  println(v)
end
