# One million string concatenations onto an accumulator.
fn cat(i :: Int, acc :: String) -> String do
  if i == 0 do acc else cat(i - 1, acc <> "x") end
end

fn main() do
  let t0 = Timer.now_us()
  let s = cat(1000000, "")
  let t1 = Timer.now_us()
  println("${String.length(s)} ${t1 - t0}")
end
