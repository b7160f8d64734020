# Without a deriving clause a type gets Eq, Ord, Debug and Hash; interpolation falls back to Debug.
struct P do
  x :: Int
  y :: Int
end

type T do
  A
  B(Int)
end

fn main() do
  let p = P { x: 1, y: 2 }
  println("${p == P { x: 1, y: 2 }} ${p < P { x: 1, y: 3 }}")
  println("${p}")
  println(p.inspect())
  println("${p.hash() == P { x: 1, y: 2 }.hash()}")
  println("${A < B(1)} ${B(2) == B(2)} ${B(1)}")
end
