# exit: 0
# Restart types: a permanent child is restarted whatever its exit, a transient one only
# after an abnormal exit, a temporary one never.
from Process import Down, Shutdown

actor worker(name :: String) do
  Process.register(name, self())
  send(Process.whereis("driver"), "${name} started")
  receive do
    "crash" -> List.head([])
    _ -> report(name)
  end
end

fn report(name :: String) -> () do
  send(Process.whereis("driver"), "${name} exits normally")
end

supervisor Mixed do
  strategy: one_for_one
  max_restarts: 10
  max_seconds: 5

  child perm do
    start: fn -> spawn(worker, "perm") end
    restart: permanent
  end

  child trans do
    start: fn -> spawn(worker, "trans") end
    restart: transient
  end

  child temp do
    start: fn -> spawn(worker, "temp") end
    restart: temporary
  end
end

actor expect(text :: String) do
  receive do
    s when s == text -> println(s)
  end
end

actor wait_down(p :: Pid) do
  let _ = Process.monitor(p)
  receive do
    Down(_, _, _) -> ()
  end
end

actor driver() do
  Process.register("driver", self())
  let sup = spawn(Mixed)
  expect("perm started")
  expect("trans started")
  expect("temp started")
  send(Process.whereis("perm"), "finish")
  expect("perm exits normally")
  expect("perm started")
  send(Process.whereis("trans"), "crash")
  expect("trans started")
  let t = Process.whereis("trans")
  send(t, "finish")
  expect("trans exits normally")
  wait_down(t)
  let temp = Process.whereis("temp")
  send(temp, "crash")
  wait_down(temp)
  send(Process.whereis("perm"), "crash")
  expect("perm started")
  println("trans running: ${Process.lookup("trans") != None}")
  println("temp running: ${Process.lookup("temp") != None}")
  let _ = Process.monitor(sup)
  Process.stop(sup, Shutdown)
  receive do
    Down(_, _, reason) -> println("supervisor ended: ${reason}")
  end
end

fn main() do
  let _ = spawn(driver)
end
