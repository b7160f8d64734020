# P33: atoms are not patterns: `:inc ->` is a parse error "expected pattern".
fn main() do
  let m = :inc
  let r = case m do
    :inc -> 1
  end
  println("${r}")
end
