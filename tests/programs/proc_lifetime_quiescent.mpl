# The program ends when every remaining process waits in `receive` with no timeout and
# nothing else is pending: nothing could ever wake them (here a server and a client
# chain that have done their work).
actor server(hits :: Int) do
  receive do
    (from, n) -> server(hits + answer(from, n))
  end
end

fn answer(to :: Pid, n :: Int) -> Int do
  send(to, n * 2)
  1
end

actor client(s :: Pid, n :: Int) do
  send(s, (self(), n))
  receive do
    r -> println("client ${n} got ${r}")
  end
  receive do
    _ -> println("never")
  end
end

fn main() do
  println("main starts a server and a client, and returns")
  let s = spawn(server, 0)
  let _ = spawn(client, s, 21)
end
