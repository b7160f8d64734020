# Arguments of a self tail call are all evaluated before the parameters are rebound.
fn swap_n(a :: Int, b :: Int, n :: Int) -> (Int, Int) do
  if n == 0 do
    (a, b)
  else
    swap_n(b, a, n - 1)
  end
end

fn gcd(a :: Int, b :: Int) -> Int do
  if b == 0 do a else gcd(b, a % b) end
end

fn main() do
  let (x, y) = swap_n(1, 2, 3)
  println("${x} ${y} ${gcd(84, 36)}")
end
