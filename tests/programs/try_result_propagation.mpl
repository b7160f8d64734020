# `e?` on Result yields the Ok value or returns the Err from the enclosing function.
fn parse(s :: String) -> Int!String do
  case String.to_int(s) do
    Some(n) -> Ok(n)
    None -> Err("bad: " <> s)
  end
end

fn sum3(a :: String, b :: String, c :: String) -> Int!String do
  let x = parse(a)?
  let y = parse(b)?
  println("after b")
  Ok(x + y + parse(c)?)
end

fn show(r :: Int!String) -> String do
  case r do
    Ok(n) -> "Ok ${n}"
    Err(e) -> "Err ${e}"
  end
end

fn main() do
  println(show(sum3("1", "2", "3")))
  println(show(sum3("1", "x", "3")))
  println(show(sum3("1", "2", "y")))
end
