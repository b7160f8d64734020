# A run-time error inside a closure called by List.map is reported with a trace.
fn main() do
  let xs = [1, 0]
  let ys = List.map(xs, fn(x) do
    100 / x
  end)
  println("${ys}")
end
