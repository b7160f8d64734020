# Multi-clause closures are not exhaustiveness-checked (no diagnostics).
fn main() do
  let f = fn 0 -> "zero" | 1 -> "one" end
  println(f(1))
end
