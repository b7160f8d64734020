# Newlines are insignificant inside (), [], {} and %{}: arguments, literals and tuples span lines.
struct Point do
  x :: Int
  y :: Int
end

fn add3(a :: Int, b :: Int, c :: Int) -> Int = a + b + c

fn main() do
  let p = Point {
    x: 1,
    y: 2
  }
  let total = (p.x
    + p.y)
  let xs = [
    1,
    2,
  ]
  let m = %{
    "a" => 1,
    "b" => 2,
  }
  let t = (
    "t",
    3
  )
  let s = add3(
    1,
    2,
    3
  )
  let (name, k) = t
  println("${total} ${xs} ${Map.size(m)} ${name}${k} ${s}")
end
