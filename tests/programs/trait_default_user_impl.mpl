# A user `impl Default` is chosen by `default()` from the expected type.
struct Config do
  retries :: Int
  name :: String
end

impl Default for Config do
  fn default() -> Config = Config { retries: 3, name: "std" }
end

fn main() do
  let c :: Config = default()
  println(c.name <> " ${c.retries}")
end
