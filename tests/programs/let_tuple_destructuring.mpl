# `let` with tuple patterns, nested tuples and `_` elements.
fn main() do
  let (q, r) = (7 / 2, 7 % 2)
  let (a, (b, c)) = (1, ("two", 3.5))
  let (_, keep, _) = (0, "kept", 0)
  println("${q} ${r} ${a} ${b} ${c} ${keep}")
end
