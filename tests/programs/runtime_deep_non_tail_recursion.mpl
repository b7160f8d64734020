# Non-tail recursion 100,000 deep works.
fn sum_to(n :: Int) -> Int do
  if n == 0 do 0 else n + sum_to(n - 1) end
end

fn build(n :: Int) -> List<Int> do
  if n == 0 do [] else List.append(build(n - 1), n) end
end

fn main() do
  println("${sum_to(100000)}")
  println("${List.length(build(20000))}")
end
