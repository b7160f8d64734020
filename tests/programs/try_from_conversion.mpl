# `?` converts the error with `From<E> for F` when the function returns Result<_, F>.
struct AppError do
  message :: String
end

impl From<String> for AppError do
  fn from(msg :: String) -> AppError do
    AppError { message: "app: " <> msg }
  end
end

fn risky(ok :: Bool) -> Int!String do
  if ok do Ok(41) else Err("boom") end
end

fn run(ok :: Bool) -> Int!AppError do
  let n = risky(ok)?
  Ok(n + 1)
end

fn main() do
  case run(true) do
    Ok(n) -> println("${n}")
    Err(e) -> println(e.message)
  end
  case run(false) do
    Ok(n) -> println("${n}")
    Err(e) -> println(e.message)
  end
end
