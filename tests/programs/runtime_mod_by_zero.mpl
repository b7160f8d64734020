# Integer remainder by zero is a run-time error.
fn main() do
  let z = 0
  println("${7 % z}")
end
