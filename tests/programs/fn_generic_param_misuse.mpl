# Inside a generic function a type parameter is abstract: adding two T values is rejected.
fn add_all<T>(a :: T, b :: T) -> T do
  a + b
end

fn main() do
  println("${add_all(1, 2)}")
end
