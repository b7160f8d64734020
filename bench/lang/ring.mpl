# A ring of 10,000 processes passes a token around 100 times: 1,000,000 messages, each
# a wake-up of a parked process (message throughput).
actor node(next :: Pid<Int>) do
  receive do
    k -> node(forward(next, k))
  end
end

fn forward(next :: Pid<Int>, k :: Int) -> Pid<Int> do
  send(next, k + 1)
  next
end

fn build(i :: Int, next :: Pid<Int>) -> Pid<Int> do
  if i == 0 do
    next
  else
    let p = spawn(node, next)
    build(i - 1, p)
  end
end

actor lap(first :: Pid<Int>, left :: Int, t0 :: Int) do
  receive do
    k -> if left == 1 do report(k, t0, self()) else lap(forward(first, k), left - 1, t0) end
  end
end

fn report<T>(k :: Int, t0 :: Int, v :: T) -> T do
  println("${k} ${Timer.now_us() - t0}")
  v
end

actor run(size :: Int, laps :: Int) do
  let first = build(size - 1, self())
  let t0 = Timer.now_us()
  send(first, 1)
  lap(first, laps, t0)
end

fn main() do
  let _ = spawn(run, 10000, 100)
end
