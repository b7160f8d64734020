# exit: 0
# one_for_one: a crashing child is restarted by its supervisor while its siblings keep
# running untouched; shutting the supervisor down stops every child (running their
# terminate blocks).
from Process import Down, Shutdown

actor serve(name :: String) do
  terminate do
    send(Process.whereis("driver"), "${name} stopped")
  end
  receive do
    "crash" -> serve(name <> List.head([]))
    _ -> serve(name)
  end
end

actor worker(name :: String) do
  Process.register(name, self())
  send(Process.whereis("driver"), "${name} started")
  serve(name)
end

supervisor Pair do
  strategy: one_for_one
  max_restarts: 3
  max_seconds: 5

  child a do
    start: fn -> spawn(worker, "a") end
  end

  child b do
    start: fn -> spawn(worker, "b") end
  end
end

## Takes the report `text`, leaving others queued (children start concurrently).
actor expect(text :: String) do
  receive do
    s when s == text -> println(s)
  end
end

## Takes the next report, whatever it is (children stop one after the other).
actor next() do
  receive do
    s -> println(s)
  end
end

actor driver() do
  Process.register("driver", self())
  let sup = spawn(Pair)
  expect("a started")
  expect("b started")
  let a1 = Process.whereis("a")
  let b1 = Process.whereis("b")
  send(a1, "crash")
  next()
  expect("a started")
  println("a restarted: ${Process.whereis("a") != a1}, b untouched: ${Process.whereis("b") == b1}")
  send(Process.whereis("b"), "crash")
  next()
  expect("b started")
  println("supervisor alive: ${Process.alive(sup)}")
  let _ = Process.monitor(sup)
  Process.stop(sup, Shutdown)
  next()
  next()
  receive do
    Down(_, _, reason) -> println("supervisor ended: ${reason}")
  end
end

fn main() do
  let _ = spawn(driver)
end
