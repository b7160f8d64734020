# A mailbox may hold messages of any type when they come through an untyped `Pid`;
# `receive` arms test the run-time type of each message, so each arm only takes its own.
type Cmd do
  Say(String)
  Quit
end

actor listener(n :: Int) do
  receive do
    Say(s) -> listener(log("say ${s}", n + 1))
    Quit -> log("quit after ${n}", self())
  end
end

fn log<T>(s :: String, v :: T) -> T do
  println(s)
  v
end

fn main() do
  let typed = spawn(listener, 0)
  let u :: Pid = typed
  println("same pid: ${u == typed}")
  send(u, 42)
  send(u, "not a command")
  send(u, (1, 2))
  send(typed, Say("hi"))
  send(u, Say("via untyped"))
  send(typed, Quit)
end
