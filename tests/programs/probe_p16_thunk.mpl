# P16: `fn -> 42 end` is a zero-argument closure returning Int.
fn main() do
  let cl :: Fun() -> Int = fn -> 42 end
  println("${cl()}")
end
