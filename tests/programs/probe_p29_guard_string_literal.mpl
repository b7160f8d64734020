# P29: string literals are allowed in case guards (REC).
fn main() do
  let s :: Int!String = Err("gone")
  let r = case s do
    Err(e) when e == "gone" -> "gone"
    Err(_) -> "other error"
    Ok(_) -> "ok"
  end
  println(r)
end
