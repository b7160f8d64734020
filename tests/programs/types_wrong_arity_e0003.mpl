# Calling a function with the wrong number of arguments is E0003.
fn area(w :: Int, h :: Int) -> Int = w * h

fn main() do
  println("${area(4)}")
end
