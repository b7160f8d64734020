# exit: 0
# Monitors: `Down(ref, pid, reason)` arrives once when the watched process ends, for any
# reason; `demonitor` cancels it; monitoring a dead pid gives `Down(…, Noproc)` at once.
from Process import Down, Shutdown

actor worker() do
  receive do
    "fail" -> List.head([])
    _ -> println("worker done")
  end
end

actor sleeper() do
  Timer.sleep(100000)
end

actor run() do
  let a = spawn(worker)
  let ra = Process.monitor(a)
  send(a, "finish")
  receive do
    Down(r, p, reason) -> println("Down for a: ref ok ${r == ra}, pid ok ${p == a}, ${reason}")
  end
  let b = spawn(worker)
  let _ = Process.monitor(b)
  send(b, "fail")
  receive do
    Down(_, _, reason) -> println("Down for b: ${reason}")
  end
  let c = spawn(sleeper)
  let _ = Process.monitor(c)
  Process.stop(c, Shutdown)
  receive do
    Down(_, _, reason) -> println("Down for c: ${reason}")
  end
  let rd = Process.monitor(c)
  receive do
    Down(r, _, reason) -> println("monitor of a dead pid: ${reason}, ref ok ${r == rd}")
  end
  let d = spawn(worker)
  let rd2 = Process.monitor(d)
  println("demonitor: ${Process.demonitor(rd2)}, again: ${Process.demonitor(rd2)}")
  let twice = Process.monitor(d)
  send(d, "finish")
  receive do
    Down(r, _, reason) -> println("only the live monitor fires: ${r == twice}, ${reason}")
  end
  receive do
    Down(_, _, _) -> println("unexpected second Down")
  after 50 -> println("no more Down messages")
  end
end

fn main() do
  let _ = spawn(run)
end
