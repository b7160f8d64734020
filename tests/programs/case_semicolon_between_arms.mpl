# A `;` between case arms is a parse error.
fn main() do
  let b = case true do true -> "t"; false -> "f" end
  println(b)
end
