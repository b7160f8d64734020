# Function parameters are monomorphic: a parameter function cannot be used at two types.
fn both(f) do
  let a = f(1)
  let b = f("s")
  (a, b)
end

fn main() do
  let _ = both(fn x -> x end)
end
