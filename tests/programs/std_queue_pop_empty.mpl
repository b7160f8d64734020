# Queue.pop on an empty queue is a run-time error.
fn main() do
  let q :: Queue<Int> = Queue.new()
  let (x, _) = Queue.pop(q)
  println("${x}")
end
