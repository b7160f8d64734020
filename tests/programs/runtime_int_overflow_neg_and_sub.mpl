# Subtracting below the smallest Int is a run-time error.
fn main() do
  let min = -9223372036854775807 - 1
  println("${min}")
  println("${min - 1}")
end
