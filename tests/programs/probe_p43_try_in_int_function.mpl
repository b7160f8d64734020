# P43: `?` inside a function returning Int is E0036.
fn risky() -> Int!String = Ok(1)

fn bad() -> Int do
  let v = risky()?
  v
end

fn main() do
  println("${bad()}")
end
