# Both branches of an if/else must have the same type (E0001).
fn main() do
  let x = if true do 1 else "one" end
  println("${x}")
end
