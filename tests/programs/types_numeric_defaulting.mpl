# Arithmetic on unannotated parameters constrains them (no unsound `(a, a) -> a`, REC Q11).
fn add(a, b) = a + b

fn main() do
  println("${add(1, 2)}")
  println(add("x", "y"))
end
