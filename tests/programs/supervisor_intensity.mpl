# exit: 0
# Restart intensity: more than `max_restarts` restarts within `max_seconds` make the
# supervisor stop its remaining children and exit with an error reason (which linked or
# monitoring processes see).
from Process import Down

actor worker(name :: String) do
  terminate do
    send(Process.whereis("driver"), "${name} stopped")
  end
  Process.register(name, self())
  send(Process.whereis("driver"), "${name} started")
  receive do
    "crash" -> worker(name <> List.head([]))
    _ -> worker(name)
  end
end

supervisor Fragile do
  strategy: one_for_one
  max_restarts: 2
  max_seconds: 10

  child steady do
    start: fn -> spawn(worker, "steady") end
  end

  child flaky do
    start: fn -> spawn(worker, "flaky") end
  end
end

actor expect(text :: String) do
  receive do
    s when s == text -> println(s)
  end
end

actor crash_flaky() do
  send(Process.whereis("flaky"), "crash")
  expect("flaky stopped")
end

actor driver() do
  Process.register("driver", self())
  let sup = spawn(Fragile)
  let _ = Process.monitor(sup)
  expect("steady started")
  expect("flaky started")
  crash_flaky()
  expect("flaky started")
  crash_flaky()
  expect("flaky started")
  crash_flaky()
  expect("steady stopped")
  receive do
    Down(_, _, reason) -> println("supervisor ended: ${reason}")
  end
  println("steady running: ${Process.lookup("steady") != None}")
end

fn main() do
  let _ = spawn(driver)
end
