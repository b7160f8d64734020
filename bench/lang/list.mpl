# Build a 1M-element list element by element, map it, fold it.
fn build(i :: Int, n :: Int, acc :: List<Int>) -> List<Int> do
  if i == n do acc else build(i + 1, n, List.append(acc, i)) end
end

fn main() do
  let t0 = Timer.now_us()
  let xs = build(0, 1000000, [])
  let ys = List.map(xs, fn x -> x * 2 end)
  let s = List.reduce(ys, 0, fn(acc, x) -> acc + x end)
  let t1 = Timer.now_us()
  println("${s} ${t1 - t0}")
end
