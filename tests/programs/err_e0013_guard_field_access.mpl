# Field access and `<>` are not allowed in case guards (E0013).
struct P do
  x :: Int
end

fn main() do
  let p = P { x: 1 }
  let r = case p do
    q when q.x > 0 -> "pos"
    _ -> "other"
  end
  println(r)
end
