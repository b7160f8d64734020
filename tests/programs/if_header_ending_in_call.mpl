# Headers ending with a call's `)` parse (no trailing closures): if/case/while/for (REC Q3).
fn ready(x :: Int) -> Bool = x > 0
fn fetch(x :: Int) -> Option<Int> = Some(x)

fn main() do
  if ready(1) do println("ready") else println("not") end
  case fetch(2) do
    Some(n) -> println("got ${n}")
    None -> println("none")
  end
  for x in List.reverse([1, 2]) do
    println("${x}")
  end
  while ready(0) do
    println("never")
  end
end
