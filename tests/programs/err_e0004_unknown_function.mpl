# Calling an unknown function is E0004 with a suggestion.
fn compute(x :: Int) -> Int = x * 2

fn main() do
  println("${compte(2)}")
end
