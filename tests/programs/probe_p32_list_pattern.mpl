# P32: there are no list-literal patterns: `[] ->` is a parse error "expected pattern".
fn main() do
  let xs = [1]
  let r = case xs do
    [] -> 0
  end
  println("${r}")
end
