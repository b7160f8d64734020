# `else` may stand on its own line; `else if` chains share one closing `end`.
fn classify(n :: Int) -> String do
  if n < 0 do
    "neg"
  else if n == 0 do
    "zero"
  else if n < 10 do
    "small"
  else
    "big"
  end
end

fn main() do
  println(classify(-5))
  println(classify(0))
  println(classify(7))
  println(classify(70))
  let one = if true do "y" else "n" end
  println(one)
  let a = 1
  let b = if a == 2 do 2 else if a == 1 do 1 else 0 end
  println("${b}")
end
