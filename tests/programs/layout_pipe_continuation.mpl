# A line starting with `|>` continues the expression, even after blank and comment lines.
fn double(x :: Int) -> Int = x * 2

fn main() do
  let xs = [1, 2, 3, 4]
  let ys = xs
    |> List.filter(fn(x) do x > 1 end)
    |> List.map(fn(x) do x * 10 end)

    # a comment between continuation lines
    |> List.reverse()
  println("${ys}")
  let n = 5
    |> double
    |> double
  println("${n}")
end
