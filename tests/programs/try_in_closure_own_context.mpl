# Inside a closure `?` returns from the closure, which has its own return type.
fn main() do
  let f = fn(x :: Int!String) do
    let v = x?
    Ok(v * 2)
  end
  let r1 = f(Ok(5))
  let r2 = f(Err("e"))
  case (r1, r2) do
    (Ok(a), Err(b)) -> println("${a} ${b}")
    _ -> println("unexpected")
  end
end
