# Messages from one process to another arrive in the order they were sent, even when
# many are in flight and the receiver is slower than the sender.
fn report(count :: Int, bad :: Int, me :: Pid<Int>) -> Pid<Int> do
  println("received ${count} messages, ${bad} out of order")
  me
end

actor sink(expected :: Int, count :: Int, bad :: Int) do
  receive do
    -1 -> report(count, bad, self())
    n -> sink(expected + 1, count + 1, if n == expected do bad else bad + 1 end)
  end
end

fn send_all(to :: Pid<Int>, i :: Int, n :: Int) -> Int do
  if i < n do
    send(to, i)
    send_all(to, i + 1, n)
  else
    n
  end
end

fn main() do
  let s = spawn(sink, 0, 0, 0)
  println("sending")
  send_all(s, 0, 10000)
  send(s, -1)
end
