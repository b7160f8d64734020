# P4: the pipe has the lowest precedence: `1 + 2 |> f` is `f(1 + 2)`.
fn main() do
  let f :: Int = 1 + 2 |> fn(x) -> x * 10 end
  println("${f}")
end
