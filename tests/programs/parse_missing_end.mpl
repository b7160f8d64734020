# A function body missing its `end` is reported at the next top-level definition.
fn broken() do
  let x = 1
  x

fn main() do
  println("x")
end
