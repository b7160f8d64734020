# A `let` annotation that disagrees with the initializer is E0001.
fn main() do
  let label :: String = 42
  println(label)
end
