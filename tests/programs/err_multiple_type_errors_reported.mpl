# The checker continues after an error: independent errors in one file are all reported.
fn a() -> Int do
  "a"
end

fn b() -> String do
  1
end

fn main() do
  println(true)
end
