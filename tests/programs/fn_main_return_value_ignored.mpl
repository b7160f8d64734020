# The value returned by `main` is ignored.
fn main() -> Int do
  println("done")
  7
end
