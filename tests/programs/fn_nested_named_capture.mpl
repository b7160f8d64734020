# Named functions may be nested in blocks and capture enclosing locals.
fn outer(base :: Int) -> Int do
  let offset = 10
  fn helper(x :: Int) -> Int do
    x + base + offset
  end
  helper(1) + helper(2)
end

fn main() do
  println("${outer(100)}")
end
