# P31: a guarded `Some(n)` arm plus `None` is non-exhaustive: E0012 missing Some(_).
fn main() do
  let o = Some(1)
  let r = case o do
    Some(n) when n > 0 -> 1
    None -> 0
  end
  println("${r}")
end
