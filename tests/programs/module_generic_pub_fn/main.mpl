# Exported functions are generalized: one import is used at several types.
from Util.Pair import swap, first_of

fn main() do
  let (a, b) = swap((1, "one"))
  let (c, d) = swap(("two", 2.5))
  println("${a} ${b} ${c} ${d}")
  println("${first_of([7, 8], 0)} ${first_of([], "none")}")
end
