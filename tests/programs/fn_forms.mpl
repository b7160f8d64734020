# Function forms: block body, `= expr` body, no parameter list, `def` synonym, unannotated params.
fn area(w :: Int, h :: Int) -> Int do
  w * h
end

fn half(x :: Float) -> Float = x / 2.0

def pick_first(a, b) do
  a
end

fn answer do
  42
end

fn main do
  println("${area(3, 4)} ${half(5.0)} ${pick_first("a", 1)} ${answer()}")
end
