# `?` on an Option inside a function returning Result is rejected (E0036).
fn f(o :: Option<Int>) -> Int!String do
  let n = o?
  Ok(n)
end

fn main() do
  let _ = f(None)
end
