# 100 processes make 1,000 service calls each (100,000 calls) to one counter service:
# request, reply channel and wake-ups of the service and its callers.
service Counter do
  fn init() -> Int do
    0
  end

  call Add(n :: Int) :: Int do |st|
    (st + n, st + n)
  end
end

fn calls(c :: Pid, i :: Int) -> Int do
  if i == 0 do 0 else calls_then(c, i, Counter.add(c, 1)) end
end

fn calls_then(c :: Pid, i :: Int, _last :: Int) -> Int do
  calls(c, i - 1)
end

actor caller(c :: Pid, report :: Pid<Int>) do
  send(report, calls(c, 1000))
end

fn start(i :: Int, c :: Pid, report :: Pid<Int>) -> Int do
  if i == 0 do
    0
  else
    let _ = spawn(caller, c, report)
    start(i - 1, c, report)
  end
end

actor collect(c :: Pid, left :: Int, t0 :: Int) do
  if left == 0 do
    report(Counter.add(c, 0), t0, self())
  else
    receive do
      _ -> collect(c, left - 1, t0)
    end
  end
end

fn report<T>(total :: Int, t0 :: Int, v :: T) -> T do
  println("${total} ${Timer.now_us() - t0}")
  v
end

actor run() do
  let c = Counter.start()
  let t0 = Timer.now_us()
  let _ = start(100, c, self())
  collect(c, 100, t0)
end

fn main() do
  let _ = spawn(run)
end
