# Multi-clause closures with annotated parameters and guards on several clauses.
fn main() do
  let classify = fn (n :: Int) when n < 0 -> "neg" | n when n == 0 -> "zero" | _ -> "pos" end
  println(classify(-3) <> " " <> classify(0) <> " " <> classify(8))
end
