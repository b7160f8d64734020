# In a function without return annotation, `?` makes its inferred result a Result (REC Q10).
fn parse(s :: String) -> Int!String do
  case String.to_int(s) do
    Some(n) -> Ok(n)
    None -> Err(s)
  end
end

fn twice(s) do
  let n = parse(s)?
  Ok(n * 2)
end

fn main() do
  case twice("21") do
    Ok(n) -> println("${n}")
    Err(e) -> println("err " <> e)
  end
  case twice("x") do
    Ok(n) -> println("${n}")
    Err(e) -> println("err " <> e)
  end
end
