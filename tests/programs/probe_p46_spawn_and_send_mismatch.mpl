# P46: `spawn(counter, 0)` is a Pid<Msg>; `send(c, 5)` is E0014 (expected Msg, found Int).
type Msg do
  Inc(Int)
end

actor counter(n :: Int) do
  receive do
    Inc(k) -> counter(n + k)
  end
end

fn start() do
  let c :: Pid<Msg> = spawn(counter, 0)
  send(c, Inc(1))
  send(c, 5)
end

fn main() do
  println("x")
end
