# P30: a single `(a, b)` arm is exhaustive for a pair (REC).
fn main() do
  let t = (3, 4)
  let s = case t do
    (a, b) -> a + b
  end
  println("${s}")
end
