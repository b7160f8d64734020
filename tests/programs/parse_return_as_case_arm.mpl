# `return` may stand anywhere an expression may, e.g. as a case arm body (the original only
# allowed it as a statement).
fn f(o :: Option<Int>) -> Int do
  let doubled = case o do
    Some(n) -> if n > 100 do return n else n * 2 end
    None -> return 0
  end
  doubled + 1
end

fn main() do
  println("${f(None)} ${f(Some(5))} ${f(Some(500))}")
end
