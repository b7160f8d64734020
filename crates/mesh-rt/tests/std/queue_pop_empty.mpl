# exit: 1

fn main() do
  println("before")
  let q :: Queue<Int> = Queue.new()
  let (x, _) = Queue.pop(q)
  println("not reached ${x}")
end
