# `x |> f(1) == y` parses as `x |> (f(1) == y)`; parenthesize to compare the pipe result.
fn add(a :: Int, b :: Int) -> Int = a + b

fn main() do
  let ok = (1 |> add(1)) == 2
  println("${ok}")
end
