# exit: 0
# Jobs: `Job.async` runs a function in its own process, `Job.await` takes that job's
# result (from `main`, with no `receive`), `await_timeout` gives `Err("timeout")` when
# the job is not done in time, a crashed job gives `Err(<reason>)`, and `Job.map` runs one
# job per element and keeps the input order.
fn slow_square(x :: Int, ms :: Int) -> Int do
  Timer.sleep(ms)
  x * x
end

fn main() do
  let a = Job.async(fn -> slow_square(7, 30) end)
  let b = Job.async(fn -> "text" end)
  println("a: ${Job.await(a)}")
  println("b: ${Job.await(b)}")
  println("a again: ${Job.await(a)}")
  let slow = Job.async(fn -> slow_square(3, 200) end)
  println("slow with 10 ms: ${Job.await_timeout(slow, 10)}")
  println("slow with 2 s: ${Job.await_timeout(slow, 2000)}")
  let bad = Job.async(fn -> List.head([]) + 1 end)
  println("crashed: ${Job.await(bad)}")
  let results = Job.map([5, 1, 3, 0, 2], fn x -> slow_square(10 / x, x * 10) end)
  println("map: ${results}")
end
