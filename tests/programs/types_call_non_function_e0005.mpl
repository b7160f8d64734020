# Calling a value that is not a function is E0005.
fn main() do
  let n = 5
  println("${n(1)}")
end
