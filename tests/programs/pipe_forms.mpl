# Pipe inserts the left side as the first argument: bare names, calls, module calls, closures.
fn add(a :: Int, b :: Int) -> Int = a + b
fn double(x :: Int) -> Int = x * 2

fn main() do
  println("${3 |> double}")
  println("${3 |> add(4)}")
  println("${[1, 2, 3] |> List.map(fn(x) -> x + 1 end)}")
  println("${[1, 2, 3] |> List.length()}")
  println("${1 |> add(2) |> double |> add(10)}")
  println("${2 + 3 |> double}")
end
