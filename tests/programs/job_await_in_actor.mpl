# `Job.await` in an actor takes only that job's result: messages already in the actor's
# mailbox stay there, in order, and results come back by job, not by arrival.
actor worker() do
  send(self(), "first")
  send(self(), "second")
  let quick = Job.async(fn -> 1 end)
  let slow = Job.async(fn -> slow_value(2) end)
  println("slow: ${Job.await(slow)}")
  println("quick: ${Job.await(quick)}")
  receive do
    s -> println("mailbox: ${s}")
  end
  receive do
    s -> println("mailbox: ${s}")
  end
end

fn slow_value(v :: Int) -> Int do
  Timer.sleep(30)
  v
end

fn main() do
  let _ = spawn(worker)
end
