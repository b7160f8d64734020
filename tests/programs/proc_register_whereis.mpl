# The name registry: register, whereis, lookup, unregister; a name is released when its
# process ends; whereis of an unknown name gives a pid that is not running (sending to it
# does nothing).
from Process import Down

actor echo(served :: Int) do
  receive do
    (from, s) -> echo(reply(from, s, served))
  end
end

fn reply(to :: Pid, s :: String, served :: Int) -> Int do
  send(to, "echo: " <> s)
  served + 1
end

actor short_lived() do
  Process.register("brief", self())
  println("brief registered: ${Process.lookup("brief") != None}")
  receive do
    _ -> println("brief ends")
  end
end

actor client() do
  let e = spawn(echo, 0)
  println("register: ${Process.register("echo", e)}")
  println("register again: ${Process.register("echo", e)}")
  println("second name: ${Process.register("echo2", e)}")
  let found = Process.whereis("echo")
  println("whereis finds it: ${found == e}")
  send(found, (self(), "hi"))
  receive do
    s -> println(s)
  end
  case Process.lookup("echo2") do
    Some(p) -> println("lookup: ${p == e}")
    None -> println("lookup: none")
  end
  println("unregister: ${Process.unregister("echo2")}")
  println("unregister again: ${Process.unregister("echo2")}")
  println("lookup after unregister: ${Process.lookup("echo2") == None}")
  let nobody = Process.whereis("nobody")
  println("unknown name alive: ${Process.alive(nobody)}")
  send(nobody, "dropped")
  let s = spawn(short_lived)
  let _ = Process.monitor(s)
  send(s, "go")
  receive do
    Down(_, _, reason) -> println("brief ended: ${reason}")
  end
  println("brief released: ${Process.lookup("brief") == None}")
  println("register a dead pid: ${Process.register("dead", s)}")
end

fn main() do
  let _ = spawn(client)
end
