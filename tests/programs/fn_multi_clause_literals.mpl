# Multi-clause functions: clauses tried top to bottom with literal, guard and catch-all patterns.
fn sign(0) = 0
fn sign(n) when n < 0 = -1
fn sign(_) = 1

fn greet("") = "nobody"
fn greet(name) = "hi " <> name

fn both(true, true) = "both"
fn both(_, _) = "not both"

fn main() do
  println("${sign(0)} ${sign(-9)} ${sign(4)}")
  println(greet("") <> ", " <> greet("ann"))
  println(both(true, true) <> ", " <> both(true, false))
end
