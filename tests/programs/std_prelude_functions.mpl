# Prelude: print/println, map, filter, reduce, head, tail, compare, default.
fn show(o :: Ordering) -> String do
  case o do
    Less -> "Less"
    Equal -> "Equal"
    Greater -> "Greater"
  end
end

fn main() do
  print("no newline ")
  println("then newline")
  let xs = [1, 2, 3, 4]
  println("${map(xs, fn x -> x * x end)} ${filter(xs, fn x -> x > 2 end)}")
  println("${reduce(xs, 100, fn(acc, x) -> acc - x end)}")
  println("${head(xs)} ${tail(xs)}")
  println(show(compare(1, 2)) <> " " <> show(compare("b", "a")) <> " " <> show(compare(2.5, 2.5)))
  let d :: Int = default()
  let f :: Float = default()
  let s :: String = default()
  let b :: Bool = default()
  println("${d} ${f} [${s}] ${b}")
end
