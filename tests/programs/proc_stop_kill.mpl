# `Process.stop` ends a process promptly whatever it is doing (sleeping, waiting in
# `receive`, spinning); a process that traps exits receives `Shutdown` as a message but
# cannot trap `Killed`; `Normal` does not stop a process that does not trap exits.
from Process import Exit, Down, Normal, Shutdown, Killed, ExitReason

actor sleeper() do
  Timer.sleep(60000)
  println("sleeper woke up")
end

actor receiver() do
  receive do
    _ -> println("receiver got a message")
  end
end

fn spin(n :: Int) -> Int do
  if n >= 0 do spin(n + 1) else n end
end

actor spinner() do
  let _ = spin(0)
end

actor trapper(report :: Pid) do
  Process.trap_exit(true)
  send(report, "ready")
  receive do
    Exit(_, reason) -> send(report, "trapper got Exit with ${reason}")
  end
  receive do
    _ -> println("trapper got a message")
  end
end

actor stop_and_watch(p :: Pid, reason :: ExitReason, name :: String) do
  let _ = Process.monitor(p)
  let t0 = Timer.now_ms()
  Process.stop(p, reason)
  receive do
    Down(_, _, r) -> println("${name} ended with ${r}, promptly: ${Timer.now_ms() - t0 < 1000}")
  end
end

actor run() do
  stop_and_watch(spawn(sleeper), Shutdown, "sleeper")
  stop_and_watch(spawn(receiver), Killed, "receiver")
  stop_and_watch(spawn(spinner), Shutdown, "spinner")
  let r = spawn(receiver)
  Process.stop(r, Normal)
  println("receiver survives a Normal stop: ${Process.alive(r)}")
  stop_and_watch(r, Killed, "receiver")
  let t = spawn(trapper, self())
  receive do
    "ready" -> ()
  end
  Process.stop(t, Shutdown)
  receive do
    s -> println(s)
  end
  println("trapper alive: ${Process.alive(t)}")
  stop_and_watch(t, Killed, "trapper")
end

fn main() do
  let _ = spawn(run)
end
