# A `.` is part of a float only before a digit: `1..4` is a range, `5.to_string()` a method call.
fn main() do
  let xs = for i in 1..4 do i end
  println("${xs}")
  println(5.to_string() <> "!")
  println("${2.5}")
end
