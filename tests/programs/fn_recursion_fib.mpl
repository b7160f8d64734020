# Plain (non-tail) self recursion.
fn fib(0) = 0
fn fib(1) = 1
fn fib(n) = fib(n - 1) + fib(n - 2)

fn main() do
  println("${fib(20)}")
end
