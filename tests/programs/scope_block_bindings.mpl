# Bindings made inside an `if` branch end with that branch.
fn main() do
  if true do
    let inner = 1
    println("${inner}")
  end
  println("${inner}")
end
