# Selective receive takes the first message matching an arm; the others stay queued in
# their original order for later receives.
type M do
  A(Int)
  B(Int)
end

actor take_b(tag :: String) do
  receive do
    B(n) -> println("${tag}: B(${n})")
  end
end

actor take_any() do
  receive do
    A(n) -> println("any: A(${n})")
    B(n) -> println("any: B(${n})")
  end
end

actor sel() do
  let me = self()
  send(me, A(1))
  send(me, B(2))
  send(me, A(3))
  send(me, B(4))
  send(me, A(5))
  take_b("first")
  take_b("second")
  take_any()
  take_any()
  take_any()
  receive do
    A(n) -> println("unexpected ${n}")
  after 0 -> println("queue empty")
  end
end

fn main() do
  let _ = spawn(sel)
end
