# A catch-all clause before other clauses is E0022.
fn f(n) = 0
fn f(1) = 1

fn main() do
  println("${f(1)}")
end
