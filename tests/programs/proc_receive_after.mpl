# `receive … after`: the timeout fires when nothing matches, `after 0` polls, and a
# message that is already there wins over the timeout.
actor waiter(ms :: Int, label :: String) do
  receive do
    n -> println("${label}: got ${n}")
  after ms -> println("${label}: timeout after ${ms}")
  end
end

actor poller() do
  receive do
    s -> println("poll: got ${s}")
  after 0 -> println("poll: empty")
  end
  send(self(), "x")
  receive do
    s -> println("poll: got ${s}")
  after 0 -> println("poll: empty")
  end
end

actor run_all() do
  let w = spawn(waiter, 30, "slow")
  let _ = w
  Timer.sleep(60)
  let w2 = spawn(waiter, 1000, "fast")
  send(w2, 7)
  Timer.sleep(20)
  let _ = spawn(poller)
end

fn main() do
  let _ = spawn(run_all)
end
