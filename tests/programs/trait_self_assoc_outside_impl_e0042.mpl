# `Self.X` outside an interface/impl cannot be resolved (E0042).
fn f(x :: Int) -> Self.Elem do
  x
end

fn main() do
  println("x")
end
