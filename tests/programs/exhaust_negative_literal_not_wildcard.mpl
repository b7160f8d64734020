# A negative literal pattern is not a wildcard (REC Q17): Some(-1) alone leaves Some(_) uncovered.
fn f(o :: Option<Int>) -> Int do
  case o do
    Some(-1) -> 1
    None -> 0
  end
end

fn main() do
  println("${f(None)}")
end
