# P35: `if ready(x) do` parses (REC: no trailing closures), as does `if (ready(x)) do`.
fn ready(x :: Int) -> Bool = x > 0

fn main() do
  let x = 1
  let a = if ready(x) do 1 else 2 end
  let b = if (ready(x)) do 1 else 2 end
  println("${a} ${b}")
end
