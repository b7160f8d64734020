# `and`/`&&` and `or`/`||` short-circuit: the right side is evaluated only when needed.
fn loud(tag :: String, v :: Bool) -> Bool do
  println(tag)
  v
end

fn main() do
  let a = loud("a", false) and loud("b", true)
  let c = loud("c", true) || loud("d", true)
  let e = loud("e", true) && loud("f", false)
  let g = loud("g", false) or loud("h", true)
  println("${a} ${c} ${e} ${g} ${!a} ${not c}")
end
