# Identifiers may use Unicode letters and underscores; `_x` is an ordinary name.
fn main() do
  let café = 4
  let ñandú_2 = 5
  let _hidden = 6
  let _ = 7
  println("${café + ñandú_2 + _hidden}")
  println("${String.length("café")}")
end
