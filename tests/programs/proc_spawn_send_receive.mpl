# spawn/send/receive: variant patterns, guards, replies to the sender, self().
type Msg do
  Add(Int)
  Get(Pid)
  Stop
end

fn answer(who :: Pid, total :: Int) -> Int do
  send(who, total)
  total
end

fn stopped(total :: Int, me :: Pid<Msg>) -> Pid<Msg> do
  println("counter stops at ${total}")
  me
end

actor counter(total :: Int) do
  receive do
    Add(n) when n > 100 -> counter(total + 100)
    Add(n) -> counter(total + n)
    Get(who) -> counter(answer(who, total))
    Stop -> stopped(total, self())
  end
end

actor asker(c :: Pid<Msg>) do
  send(c, Get(self()))
  receive do
    n -> println("asker got ${n}")
  end
end

fn main() do
  let c = spawn(counter, 0)
  send(c, Add(1))
  send(c, Add(2))
  send(c, Add(500))
  let _ = spawn(asker, c)
  Timer.sleep(20)
  send(c, Stop)
end
