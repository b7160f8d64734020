# A constructor pattern naming no known variant is E0010.
fn main() do
  let o = Some(1)
  case o do
    Som(x) -> println("${x}")
    _ -> println("other")
  end
end
