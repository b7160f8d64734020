# P27: clauses of `g/1` separated by another function are E0023.
fn g(x) do
  1
end

fn h() do
  2
end

fn g(x) do
  3
end

fn main() do
  println("${g(0)} ${h()}")
end
