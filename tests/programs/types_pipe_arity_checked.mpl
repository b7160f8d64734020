# The piped value counts as the first argument when checking arity.
fn add(a :: Int, b :: Int) -> Int = a + b

fn main() do
  println("${1 |> add(2, 3)}")
end
