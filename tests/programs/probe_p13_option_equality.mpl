# P13: we allow `==` on Option and Result (structural equality, a documented superset).
fn main() do
  let h :: Bool = Some(1) == None
  let r :: Int!String = Ok(2)
  println("${h} ${Some(1) == Some(1)} ${r == Ok(2)} ${r != Err("x")}")
end
