# P7: a let-bound identity closure is polymorphic: used at Int and at String.
fn main() do
  let id = fn x -> x end; let a = id(1); let b = id("s")
  let a2 :: Int = a
  let b2 :: String = b
  println("${a2} " <> b2)
end
