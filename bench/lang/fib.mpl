# fib(30), naive recursion: call/return speed.
fn fib(n :: Int) -> Int do
  if n < 2 do n else fib(n - 1) + fib(n - 2) end
end

fn main() do
  let t0 = Timer.now_us()
  let r = fib(30)
  let t1 = Timer.now_us()
  println("${r} ${t1 - t0}")
end
