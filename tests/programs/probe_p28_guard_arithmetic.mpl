# P28: arithmetic in a case guard is E0013.
fn main() do
  let n = 4
  let r = case n do
    x when x % 2 == 0 -> "even"
    _ -> "odd"
  end
  println(r)
end
