# P41: `fn first<T>(xs :: List<T>) -> T` accepts `[1, 2]` and returns an Int (REC).
fn first<T>(xs :: List<T>) -> T do
  head(xs)
end

fn main() do
  let n :: Int = first([1, 2])
  println("${n}")
end
