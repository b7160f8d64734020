# Queue: persistent FIFO — push at the back, pop gives (front, rest), peek, size, is_empty.
fn main() do
  let q = Queue.push(Queue.push(Queue.push(Queue.new(), 1), 2), 3)
  println("${Queue.size(q)} ${Queue.peek(q)} ${Queue.is_empty(q)} ${Queue.is_empty(Queue.new())}")
  let (a, q2) = Queue.pop(q)
  let (b, q3) = Queue.pop(q2)
  let q4 = Queue.push(q3, 4)
  let (c, q5) = Queue.pop(q4)
  let (d, q6) = Queue.pop(q5)
  println("${a} ${b} ${c} ${d} ${Queue.is_empty(q6)} ${Queue.size(q)}")
end
