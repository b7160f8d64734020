# exit: 0
# rest_for_one: when a child crashes, the supervisor stops the children started after
# it and restarts it and them, in order; the children started before it keep running.
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

supervisor Chain do
  strategy: rest_for_one
  max_restarts: 5
  max_seconds: 5

  child a do
    start: fn -> spawn(worker, "a") end
  end

  child b do
    start: fn -> spawn(worker, "b") end
  end

  child c do
    start: fn -> spawn(worker, "c") end
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
  let sup = spawn(Chain)
  expect("a started")
  expect("b started")
  expect("c started")
  let a1 = Process.whereis("a")
  send(Process.whereis("b"), "crash")
  next()
  next()
  expect("b started")
  expect("c started")
  println("a untouched: ${Process.whereis("a") == a1}")
  send(Process.whereis("c"), "crash")
  next()
  expect("c started")
  let _ = Process.monitor(sup)
  Process.stop(sup, Shutdown)
  next()
  next()
  next()
  receive do
    Down(_, _, reason) -> println("supervisor ended: ${reason}")
  end
end

fn main() do
  let _ = spawn(driver)
end
