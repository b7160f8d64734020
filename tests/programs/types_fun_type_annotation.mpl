# Function types `Fun(A, B) -> R` and `Fun() -> R` in annotations.
fn apply2(f :: Fun(Int, Int) -> Int, a :: Int, b :: Int) -> Int = f(a, b)
fn call0(f :: Fun() -> String) -> String = f()
fn compose(f :: Fun(Int) -> Int, g :: Fun(Int) -> Int) -> Fun(Int) -> Int do
  fn(x) -> g(f(x)) end
end

fn main() do
  let h = compose(fn x -> x + 1 end, fn x -> x * 10 end)
  println("${apply2(fn(a, b) -> a * b end, 6, 7)} " <> call0(fn -> "zero" end) <> " ${h(2)}")
end
