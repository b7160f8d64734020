# Unifying a type with something containing itself is E0002 (infinite type).
fn main() do
  let f = fn x -> [x] == x end
  let _ = f
end
