# Passing a function of the wrong arity where a function type is expected is E0003.
fn apply(f :: Fun(Int) -> Int) -> Int = f(1)

fn main() do
  println("${apply(fn(a, b) -> a + b end)}")
end
