# Guarded arms do not count toward exhaustiveness (P31 shape, Option<Int>).
fn f(o :: Option<Int>) -> Int do
  case o do
    Some(n) when n > 0 -> 1
    None -> 0
  end
end

fn main() do
  println("${f(None)}")
end
