# P44: `?` converts a String error into AppError through `impl From<String> for AppError`.
struct AppError do
  msg :: String
end

impl From<String> for AppError do
  fn from(s :: String) -> AppError = AppError { msg: s }
end

fn risky() -> Int!String = Err("disk full")

fn run() -> Int!AppError do
  let n = risky()?
  Ok(n)
end

fn main() do
  case run() do
    Ok(n) -> println("${n}")
    Err(e) -> println("AppError: " <> e.msg)
  end
end
