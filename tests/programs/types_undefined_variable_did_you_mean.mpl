# An unknown name is E0004 with a "did you mean" suggestion for a close name.
fn main() do
  let counter = 1
  println("${countr + 1}")
end
