# Passing an Int where an Option is expected suggests wrapping in Some(...).
fn f(o :: Option<Int>) -> Int do
  case o do
    Some(n) -> n
    None -> 0
  end
end

fn main() do
  println("${f(5)}")
end
