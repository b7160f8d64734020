# exit: 0
# An actor's `terminate` block runs when its process ends: after its function returns,
# after a run-time error, and when it is stopped or killed while waiting; it sees the
# actor's latest arguments.
from Process import Down, Shutdown, Killed

actor counter(name :: String, n :: Int, report :: Pid) do
  terminate do
    send(report, "${name} terminated at ${n}")
  end
  receive do
    "inc" -> counter(name, n + 1, report)
    "fail" -> counter(name, List.head([]), report)
    _ -> counter(name, n, report)
  end
end

actor once(report :: Pid) do
  terminate do
    send(report, "once terminated")
  end
  println("once runs")
end

actor run() do
  let me = self()
  let _ = spawn(once, me)
  receive do
    s -> println(s)
  end
  let a = spawn(counter, "a", 0, me)
  send(a, "inc")
  send(a, "inc")
  send(a, "fail")
  receive do
    s -> println(s)
  end
  let b = spawn(counter, "b", 5, me)
  Process.stop(b, Shutdown)
  receive do
    s -> println(s)
  end
  let c = spawn(counter, "c", 0, me)
  Process.stop(c, Killed)
  receive do
    s -> println(s)
  end
end

fn main() do
  let _ = spawn(run)
end
