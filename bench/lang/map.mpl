# Insert 1M integer keys into a map, then look every one up.
fn fill(i :: Int, m :: Map<Int, Int>) -> Map<Int, Int> do
  if i == 0 do m else fill(i - 1, Map.put(m, i, i)) end
end

fn sum(i :: Int, m :: Map<Int, Int>, acc :: Int) -> Int do
  if i == 0 do acc else sum(i - 1, m, acc + Map.get(m, i)) end
end

fn main() do
  let t0 = Timer.now_us()
  let m = fill(1000000, %{})
  let s = sum(1000000, m, 0)
  let t1 = Timer.now_us()
  println("${s} ${t1 - t0}")
end
