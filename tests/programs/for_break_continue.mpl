# In `for`, `continue` skips an element and `break` stops with the list collected so far.
fn main() do
  let odds = for i in 0..10 do
    if i % 2 == 0 do
      continue
    end
    i
  end
  let prefix = for x in [1, 2, 3, 4, 5] do
    if x == 4 do
      break
    end
    x * 100
  end
  println("${odds} ${prefix}")
end
