# The parser recovers and reports several errors in one file.
fn one() do
  let = 1
end

fn two() do
  let x = (1 + )
  x
end

fn three() -> Int do
  case 1 do
    [] -> 0
  end
end

fn main() do
  println("never")
end
