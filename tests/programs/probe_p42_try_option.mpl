# P42: `Some(1)?` inside a function returning Int? yields an Int.
fn opt() -> Int? do
  let v :: Int = Some(1)?
  Some(v + 1)
end

fn main() do
  case opt() do
    Some(n) -> println("${n}")
    None -> println("none")
  end
end
