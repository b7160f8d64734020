# `Timer.sleep` suspends only the calling process: 200 processes sleeping 50 ms each
# finish together (far sooner than 200 × 50 ms), and `sleep(0)`/negative return at once.
actor sleeper(ms :: Int, report :: Pid) do
  Timer.sleep(ms)
  send(report, 1)
end

actor collect(left :: Int, t0 :: Int) do
  if left == 0 do
    finish(t0, self())
  else
    receive do
      _ -> collect(left - 1, t0)
    end
  end
end

fn finish<T>(t0 :: Int, v :: T) -> T do
  let took = Timer.now_ms() - t0
  println("all 200 sleepers done, concurrently: ${took < 2000}")
  v
end

fn start(i :: Int, n :: Int, report :: Pid) -> Int do
  if i < n do
    let _ = spawn(sleeper, 50, report)
    start(i + 1, n, report)
  else
    n
  end
end

actor run() do
  let t0 = Timer.now_ms()
  Timer.sleep(0)
  Timer.sleep(-5)
  println("zero and negative sleeps return at once: ${Timer.now_ms() - t0 < 1000}")
  let _ = start(0, 200, self())
  collect(200, t0)
end

fn main() do
  let _ = spawn(run)
end
