# Or-pattern alternatives must bind the same names (E0011).
fn f(p :: (Int, Int)) -> Int do
  case p do
    (a, 0) | (0, b) -> 1
    _ -> 0
  end
end

fn main() do
  println("${f((1, 0))}")
end
