# `main` must take no parameters.
fn main(x :: Int) do
  println("x")
end
