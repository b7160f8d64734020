# A 10-million-iteration self tail-recursive loop runs in constant stack.
fn count(n :: Int, acc :: Int) -> Int do
  if n == 0 do
    acc
  else
    count(n - 1, acc + 2)
  end
end

fn loop_case(n :: Int) -> Int do
  case n do
    0 -> 0
    _ -> loop_case(n - 1)
  end
end

fn main() do
  println("${count(10000000, 0)}")
  println("${loop_case(1000000)}")
end
