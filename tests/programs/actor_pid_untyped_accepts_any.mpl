# An untyped Pid accepts any message, and typed and untyped pids unify (P47; type-checked only).
type Msg do
  Ping
end

actor listener() do
  receive do
    Ping -> listener()
  end
end

fn start() do
  let c = spawn(listener)
  send(c, Ping)
  let u :: Pid = c
  send(u, "anything")
  send(u, 42)
  let back :: Pid<Msg> = u
  send(back, Ping)
end

fn main() do
  println("checked")
end
