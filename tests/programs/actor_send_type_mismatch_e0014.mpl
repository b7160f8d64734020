# Sending a message of the wrong type to a typed Pid<M> is E0014.
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
  send(c, 5)
end

fn main() do
  println("x")
end
