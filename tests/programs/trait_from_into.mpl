# From impls give static `T.from(x)`; built-in From conversions; Into is synthesized.
struct Celsius do
  deg :: Float
end

impl From<Int> for Celsius do
  fn from(n :: Int) -> Celsius do
    Celsius { deg: Float.from(n) }
  end
end

fn main() do
  let c = Celsius.from(21)
  println("${c.deg}")
  println("${Float.from(2)} " <> String.from(3) <> " " <> String.from(2.5) <> " " <> String.from(true))
  let d :: Celsius = 5.into()
  println("${d.deg}")
end
