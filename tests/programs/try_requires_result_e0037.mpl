# `?` on a value that is neither Result nor Option is E0037.
fn f() -> Int!String do
  let n = 5?
  Ok(n)
end

fn main() do
  let _ = f()
end
