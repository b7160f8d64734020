# P26: a second function of the same name with another arity is a duplicate-definition error.
fn f(x) = x + 1
fn f(x, y) = x + y

fn main() do
  println("${f(1)}")
end
