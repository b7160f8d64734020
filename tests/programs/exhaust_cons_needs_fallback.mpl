# A cons arm alone does not cover the empty list (REC Q17).
fn f(xs :: List<Int>) -> Int do
  case xs do
    h :: _ -> h
  end
end

fn main() do
  println("${f([1])}")
end
