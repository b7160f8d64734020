# P6: a line starting with `|>` continues the previous expression.
fn main() do
  let xs = [1, 2, 3]
  let ys = xs
    |> map(fn x -> x * 2 end)
  println("${ys}")
end
