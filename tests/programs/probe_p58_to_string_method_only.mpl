# P58: `5.to_string()` is OK but there is no bare `to_string` function (E0004).
fn main() do
  let x = 5.to_string()
  let y = to_string(42)
  println(x)
end
