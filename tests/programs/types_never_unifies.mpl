# `return`, `break` and `continue` have type Never, which unifies with any type.
fn check(n :: Int) -> String!String do
  let v = if n < 0 do return Err("negative") else n * 2 end
  Ok("value ${v}")
end

fn main() do
  case check(4) do
    Ok(s) -> println(s)
    Err(e) -> println(e)
  end
  case check(-1) do
    Ok(s) -> println(s)
    Err(e) -> println(e)
  end
end
