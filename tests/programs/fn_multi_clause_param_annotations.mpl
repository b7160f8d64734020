# Parameter annotations in `= expr` clauses are honoured (REC Q15): a String argument is rejected.
fn f(x :: Int) = x + 1

fn main() do
  let y = f("no")
  println("${y}")
end
