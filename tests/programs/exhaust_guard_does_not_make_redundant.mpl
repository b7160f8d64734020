# A guarded arm does not make a later arm with the same pattern redundant (no warning).
fn f(n :: Int) -> String do
  case n do
    x when x > 10 -> "big"
    x when x < 0 -> "negative"
    x -> "other ${x}"
  end
end

fn main() do
  println(f(20) <> " " <> f(-1) <> " " <> f(3))
end
