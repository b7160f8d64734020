# `return` inside a closure returns from the closure, not from the enclosing function.
fn run() -> String do
  let f = fn(x) do
    if x > 0 do
      return "pos"
    end
    "non-pos"
  end
  f(1) <> "/" <> f(-1) <> "/after"
end

fn main() do
  println(run())
end
