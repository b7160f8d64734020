# `let _ = e` evaluates and discards (several times in one scope).
fn noisy(s :: String) -> Int do
  println(s)
  1
end

fn main() do
  let _ = noisy("a")
  let _ = noisy("b")
  let _ = "ignored"
end
