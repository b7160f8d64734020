# A guard must be Bool (E0025).
fn main() do
  let r = case 1 do
    n when n -> "x"
    _ -> "y"
  end
  println(r)
end
