# Reserved words without grammar (`trait`, `with`, …) cannot be used as names.
fn main() do
  let with = 1
  println("${with}")
end
