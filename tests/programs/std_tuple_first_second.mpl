# Tuple.first and Tuple.second work on real pairs of any element types.
fn main() do
  let p = (1, "one")
  let a :: Int = Tuple.first(p)
  let b :: String = Tuple.second(p)
  println("${a} " <> b <> " ${Tuple.first((true, 2.5))} ${Tuple.second((true, 2.5))}")
end
