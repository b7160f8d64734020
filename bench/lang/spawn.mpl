# Spawn 1,000,000 processes that each wait for one message, send every one its message,
# and wait until all have answered (and ended): spawn, park and wake-up cost, and the
# memory of a parked process (the script divides peak RSS by the count).
actor waiter(parent :: Pid<Int>) do
  receive do
    n -> send(parent, n)
  end
end

fn spawn_all(i :: Int, n :: Int, parent :: Pid<Int>, acc :: List<Pid<Int>>) -> List<Pid<Int>> do
  if i < n do
    spawn_all(i + 1, n, parent, List.append(acc, spawn(waiter, parent)))
  else
    acc
  end
end

fn send_all(pids :: List<Pid<Int>>, i :: Int, n :: Int) -> Int do
  if i < n do
    send(List.get(pids, i), 1)
    send_all(pids, i + 1, n)
  else
    n
  end
end

actor collect(left :: Int, sum :: Int, t0 :: Int) do
  if left == 0 do
    report(sum, t0, self())
  else
    receive do
      k -> collect(left - 1, sum + k, t0)
    end
  end
end

fn report<T>(sum :: Int, t0 :: Int, v :: T) -> T do
  println("${sum} ${Timer.now_us() - t0}")
  v
end

actor run(n :: Int) do
  let t0 = Timer.now_us()
  let pids = spawn_all(0, n, self(), [])
  let _ = send_all(pids, 0, n)
  collect(n, 0, t0)
end

fn main() do
  let _ = spawn(run, 1000000)
end
