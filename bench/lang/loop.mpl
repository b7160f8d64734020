# A tight integer loop of 100 million iterations (a self tail call).
fn loop(i :: Int, acc :: Int) -> Int do
  if i == 0 do acc else loop(i - 1, acc + i) end
end

fn main() do
  let t0 = Timer.now_us()
  let r = loop(100000000, 0)
  let t1 = Timer.now_us()
  println("${r} ${t1 - t0}")
end
