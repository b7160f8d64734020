# Generic interfaces: `interface Convert<T>` implemented for several T on one type.
interface Convert<T> do
  fn convert(self) -> T
end

struct Num do
  n :: Int
end

impl Convert<String> for Num do
  fn convert(self) -> String = "n${self.n}"
end

fn main() do
  let s :: String = Num { n: 4 }.convert()
  println(s)
end
