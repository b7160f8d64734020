# The case scrutinee is evaluated exactly once.
fn noisy() -> Int do
  println("evaluated")
  2
end

fn main() do
  let r = case noisy() do
    1 -> "one"
    2 -> "two"
    _ -> "many"
  end
  println(r)
end
