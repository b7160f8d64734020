# P20: `let (a, b) = (1, "s")` binds an Int and a String.
fn main() do
  let (a, b) = (1, "s")
  let a2 :: Int = a
  let b2 :: String = b
  println("${a2} " <> b2)
end
