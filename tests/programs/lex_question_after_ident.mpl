# `ok?` lexes as the name `ok` followed by the `?` operator.
fn check(r :: Int!String) -> Int!String do
  let ok = r
  let v = ok?
  Ok(v + 1)
end

fn show(r :: Int!String) -> String do
  case r do
    Ok(n) -> "ok ${n}"
    Err(e) -> "err ${e}"
  end
end

fn main() do
  println(show(check(Ok(1))))
  println(show(check(Err("no"))))
end
