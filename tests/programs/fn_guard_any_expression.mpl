# Function-clause guards may be any Bool expression (arithmetic, calls, string ops).
fn is_small(n :: Int) -> Bool = n < 10

fn kind(n) when n % 2 == 0 and is_small(n) = "small even"
fn kind(n) when n % 2 == 0 = "even"
fn kind(n) when String.length("${n}") > 2 = "long odd"
fn kind(_) = "odd"

fn main() do
  println(kind(4))
  println(kind(40))
  println(kind(101))
  println(kind(7))
end
