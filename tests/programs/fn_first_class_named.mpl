# Named functions are values: passed as arguments, stored in `let`, called through a variable.
fn inc(x :: Int) -> Int = x + 1

fn twice(f, x) do
  f(f(x))
end

fn apply_all(fs :: List<Fun(Int) -> Int>, x :: Int) -> List<Int> do
  List.map(fs, fn(f) do f(x) end)
end

fn main() do
  let g = inc
  println("${twice(inc, 1)} ${g(10)} ${List.map([1, 2], inc)}")
  println("${apply_all([inc, fn(n) -> n * 3 end], 5)}")
end
