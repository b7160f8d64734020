# P47: an untyped Pid (annotation `:: Pid`) accepts any message (type-checked only).
type Msg do
  Inc(Int)
end

actor counter(n :: Int) do
  receive do
    Inc(k) -> counter(n + k)
  end
end

fn start() do
  let c = spawn(counter, 0)
  let u :: Pid = c
  send(u, "anything")
end

fn main() do
  println("checked")
end
