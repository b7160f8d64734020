# Int addition overflowing 64 bits is a run-time error with a trace.
fn bump(n :: Int) -> Int do
  n + 1
end

fn main() do
  let max = 9223372036854775807
  println("${bump(max - 1)}")
  println("${bump(max)}")
end
