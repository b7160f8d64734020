# P45: static `From` calls: `AppError.from("x")`, `Float.from(1)`, `String.from(2)`, `5.to_string()`.
struct AppError do
  msg :: String
end

impl From<String> for AppError do
  fn from(s :: String) -> AppError = AppError { msg: s }
end

fn main() do
  let w :: AppError = AppError.from("x")
  let f :: Float = Float.from(1)
  let s :: String = String.from(2)
  let t :: String = 5.to_string()
  println(w.msg <> " ${f} " <> s <> " " <> t)
end
