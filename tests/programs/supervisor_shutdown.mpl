# Stopping children: `Shutdown` first, then `Killed` once the child's `shutdown` time has
# passed without it exiting (a child that traps exits may ignore `Shutdown`);
# `brutal_kill` kills at once. Children stop in reverse start order.
from Process import Down, Exit, Shutdown, ExitReason

actor polite(name :: String) do
  terminate do
    send(Process.whereis("driver"), "${name} stopped")
  end
  send(Process.whereis("driver"), "${name} started")
  receive do
    _ -> polite(name)
  end
end

## Traps exits and ignores the `Shutdown` signal.
actor stubborn(name :: String) do
  Process.trap_exit(true)
  terminate do
    send(Process.whereis("driver"), "${name} stopped")
  end
  send(Process.whereis("driver"), "${name} started")
  ignore(name)
end

actor ignore(name :: String) do
  receive do
    Exit(_, reason) -> ignore(log(name, reason))
  end
end

fn log(name :: String, reason :: ExitReason) -> String do
  send(Process.whereis("driver"), "${name} ignores ${reason}")
  name
end

supervisor Staff do
  strategy: one_for_one

  child first do
    start: fn -> spawn(polite, "first") end
    shutdown: 1000
  end

  child second do
    start: fn -> spawn(stubborn, "second") end
    shutdown: 100
  end

  child third do
    start: fn -> spawn(stubborn, "third") end
    shutdown: brutal_kill
  end
end

actor expect(text :: String) do
  receive do
    s when s == text -> println(s)
  end
end

actor next() do
  receive do
    s -> println(s)
  end
end

actor driver() do
  Process.register("driver", self())
  let sup = spawn(Staff)
  expect("first started")
  expect("second started")
  expect("third started")
  let _ = Process.monitor(sup)
  let t0 = Timer.now_ms()
  Process.stop(sup, Shutdown)
  next()
  next()
  next()
  next()
  receive do
    Down(_, _, reason) -> println("supervisor ended: ${reason}")
  end
  let took = Timer.now_ms() - t0
  println("waited for the stubborn child: ${took >= 100 && took < 1000}")
end

fn main() do
  let _ = spawn(driver)
end
