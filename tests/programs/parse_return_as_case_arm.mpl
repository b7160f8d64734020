# `return` is a statement: it cannot be a case arm body.
fn f(o :: Option<Int>) -> Int do
  case o do
    Some(n) -> return n
    None -> 0
  end
end

fn main() do
  println("${f(None)}")
end
