# Multi-line `if` and `case` expressions as `let` initializers.
fn main() do
  let n = 7
  let kind = if n % 2 == 0 do
    "even"
  else
    "odd"
  end
  let size = case n do
    0 -> "none"
    _ -> if n > 5 do "big" else "small" end
  end
  println(kind <> " " <> size)
end
