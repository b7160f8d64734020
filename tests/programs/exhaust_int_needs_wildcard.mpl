# Int is an infinite universe: literal arms alone are not exhaustive.
fn f(n :: Int) -> String do
  case n do
    0 -> "zero"
    1 -> "one"
  end
end

fn main() do
  println(f(0))
end
