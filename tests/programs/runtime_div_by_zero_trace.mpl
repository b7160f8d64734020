# Integer division by zero is a run-time error; the trace lists each active call with file:line.
fn divide(a :: Int, b :: Int) -> Int do
  a / b
end

fn compute(x :: Int) -> Int do
  let r = divide(10, x)
  r + 1
end

fn main() do
  println("${compute(2)}")
  println("${compute(0)}")
end
