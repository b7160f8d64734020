# There is no single-quote character literal.
fn main() do
  let c = 'a'
  println("x")
end
