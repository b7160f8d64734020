# Closures capture enclosing bindings; shadowing later does not change what was captured.
fn make_adder(n :: Int) -> Fun(Int) -> Int do
  fn(x) -> x + n end
end

fn main() do
  let base = 10
  let f = fn x -> x + base end
  let base = 1000
  let add5 = make_adder(5)
  println("${f(1)} ${base} ${add5(1)} ${make_adder(100)(1)}")
end
