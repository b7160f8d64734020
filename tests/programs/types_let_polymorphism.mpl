# `let` generalizes: a let-bound identity closure is used at several types.
fn main() do
  let id = fn v -> v end
  let a = id(1)
  let b = id("s")
  let pair = fn x -> (x, x) end
  let (c, d) = pair(true)
  let (e, _) = pair([1])
  println("${a + 1} ${b} ${c} ${d} ${e}")
end
