# String.slice: code-point half-open slice with clamping; never fails.
fn main() do
  let s = "héllo"
  println(String.slice(s, 1, 3))
  println(String.slice(s, 0, 100))
  println("[" <> String.slice(s, -5, 2) <> "]")
  println("[" <> String.slice(s, 4, 2) <> "]")
  println("[" <> String.slice(s, 10, 20) <> "]")
end
