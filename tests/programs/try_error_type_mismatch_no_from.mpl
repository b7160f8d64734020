# `?` with a different error type and no From impl is rejected (E0036).
fn inner() -> Int!Int do
  Err(1)
end

fn outer() -> Int!String do
  let n = inner()?
  Ok(n)
end

fn main() do
  let _ = outer()
end
