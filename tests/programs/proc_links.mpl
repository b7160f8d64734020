# exit: 0
# Links: a crash ends linked processes that do not trap exits (with the same reason); a
# process that traps exits receives `Exit(pid, reason)` instead; a normal exit only
# reaches trapping processes. Reports go to one printer, taken in a fixed order.
from Process import Exit, Down, Killed

actor crasher() do
  receive do
    "crash" -> List.head([])
    _ -> crasher()
  end
end

actor quitter() do
  receive do
    _ -> println("quitter quits")
  end
end

actor bystander(target :: Pid, report :: Pid) do
  link(target)
  send(report, ("ready", ""))
  receive do
    _ -> println("bystander got a message")
  end
end

actor trapper(target :: Pid, report :: Pid) do
  Process.trap_exit(true)
  link(target)
  send(report, ("ready", ""))
  receive do
    Exit(p, reason) -> send(report, ("trapper", "Exit from the target: ${p == target}, reason ${reason}"))
  end
end

actor watch(p :: Pid, report :: Pid) do
  let _ = Process.monitor(p)
  send(report, ("ready", ""))
  receive do
    Down(_, _, reason) -> send(report, ("watch", "bystander ended: ${reason}"))
  end
end

actor expect(tag :: String) do
  receive do
    (t, text) when t == tag -> if tag == "ready" do () else println("${tag}: ${text}") end
  end
end

actor run() do
  let me = self()
  let c = spawn(crasher)
  let b = spawn(bystander, c, me)
  let _ = spawn(trapper, c, me)
  let _ = spawn(watch, b, me)
  expect("ready")
  expect("ready")
  expect("ready")
  send(c, "crash")
  expect("watch")
  expect("trapper")
  println("bystander alive: ${Process.alive(b)}")
  let q = spawn(quitter)
  let b2 = spawn(bystander, q, me)
  let _ = spawn(trapper, q, me)
  expect("ready")
  expect("ready")
  send(q, "quit")
  expect("trapper")
  println("after a normal exit: bystander alive: ${Process.alive(b2)}")
  Process.stop(b2, Killed)
end

fn main() do
  let _ = spawn(run)
end
