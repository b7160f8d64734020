# exit: 0
# An unreachable arm is warning W0001; the program still runs.
fn f(o :: Option<Int>) -> Int do
  case o do
    Some(n) -> n
    None -> 0
    Some(5) -> 5
  end
end

fn main() do
  println("${f(Some(2))}")
end
