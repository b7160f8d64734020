# Multi-clause closures: `|`-separated clauses with literal patterns and guards; first match wins.
fn main() do
  let bucket = fn 0 -> "none" | n when n < 10 -> "few" | _ -> "many" end
  println(bucket(0) <> " " <> bucket(3) <> " " <> bucket(30))
  let neg = fn -1 -> "minus one" | _ -> "other" end
  println(neg(-1) <> " " <> neg(1))
  let opt = fn(Some(x)) -> x | (None) -> 0 end
  println("${opt(Some(9))} ${opt(None)}")
  let pair = fn((0, y)) -> y | ((x, _)) -> x end
  println("${pair((0, 5))} ${pair((7, 5))}")
end
