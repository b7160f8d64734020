# Unbounded non-tail recursion ends with a clean "stack overflow" run-time error and a shortened trace.
fn down(n :: Int) -> Int do
  1 + down(n + 1)
end

fn main() do
  println("${down(0)}")
end
