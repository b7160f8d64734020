# exit: 0
# A return annotation on a non-first clause is ignored with warning W0002.
fn f(0) -> Int = 1
fn f(n) -> Int = n

fn main() do
  println("${f(0)} ${f(5)}")
end
