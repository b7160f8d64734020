# An unknown type name in an annotation is reported (REC Q14), not taken as a new nominal type.
fn f(x :: Strng) -> Int do
  1
end

fn main() do
  println("${f("a")}")
end
