# P15 (negative): the value of an `if` without `else` is (), so using it as an Int is E0001.
fn main() do
  let a = 1
  let z = if a > 0 do 5 end
  let n :: Int = z
  println("${n}")
end
