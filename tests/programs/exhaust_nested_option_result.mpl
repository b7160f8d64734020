# Nested sum types must be covered at every level.
fn f(r :: Result<Option<Int>, String>) -> Int do
  case r do
    Ok(Some(n)) -> n
    Err(_) -> 0
  end
end

fn main() do
  println("${f(Ok(None))}")
end
