# `?` as a whole statement whose value is discarded still propagates errors.
fn check(n :: Int) -> ()!String do
  if n < 0 do Err("negative ${n}") else Ok(()) end
end

fn run(a :: Int, b :: Int) -> Int!String do
  check(a)?
  check(b)?
  Ok(a + b)
end

fn main() do
  case run(1, 2) do
    Ok(n) -> println("${n}")
    Err(e) -> println(e)
  end
  case run(1, -2) do
    Ok(n) -> println("${n}")
    Err(e) -> println(e)
  end
end
