# `for {k, v} in map` binds key and value in insertion order; a single name binds the key.
fn main() do
  let m = %{"b" => 2, "a" => 1, "c" => 3}
  let pairs = for {k, v} in m do k <> "=" <> "${v}" end
  let keys = for k in m do k end
  println("${pairs} ${keys}")
end
