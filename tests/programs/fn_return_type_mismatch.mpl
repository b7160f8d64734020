# A `return` value is unified with the declared result type (REC Q9).
fn f(x :: Int) -> Int do
  if x > 0 do
    return "positive"
  end
  x
end

fn main() do
  println("${f(1)}")
end
