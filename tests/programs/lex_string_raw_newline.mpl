# An ordinary string literal may contain a raw line break, which becomes part of the value.
fn main() do
  let s = "first
second"
  println(s)
  println("${String.length(s)}")
end
