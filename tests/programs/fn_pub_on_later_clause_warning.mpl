# exit: 0
# `pub` on a non-first clause is ignored with warning W0002.
pub fn f(0) = "zero"
pub fn f(_) = "other"

fn main() do
  println(f(0) <> " " <> f(1))
end
