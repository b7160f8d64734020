# Two processes bounce a counter 100,000 times: the latency of one round trip (send,
# wake-up, receive, reply).
actor ponger(served :: Int) do
  receive do
    (from, k) -> ponger(reply(from, k, served))
  end
end

fn reply(to :: Pid<Int>, k :: Int, served :: Int) -> Int do
  send(to, k + 1)
  served + 1
end

fn ping(p :: Pid<(Pid<Int>, Int)>, me :: Pid<Int>, k :: Int) -> () do
  send(p, (me, k))
end

actor pinger(p :: Pid<(Pid<Int>, Int)>, left :: Int, t0 :: Int) do
  ping(p, self(), left)
  receive do
    k -> if left == 1 do report(k, t0, self()) else pinger(p, left - 1, t0) end
  end
end

fn report<T>(k :: Int, t0 :: Int, v :: T) -> T do
  println("${k} ${Timer.now_us() - t0}")
  v
end

fn main() do
  let p = spawn(ponger, 0)
  let _ = spawn(pinger, p, 100000, Timer.now_us())
end
