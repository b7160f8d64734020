# Top-level functions and types may be used before their definition; mutual recursion works.
fn main() do
  println("${is_even(10)} ${is_odd(7)} ${later(2)}")
  let c = Color.Red
  println(describe(c))
end

fn is_even(n :: Int) -> Bool do
  if n == 0 do true else is_odd(n - 1) end
end

fn is_odd(n :: Int) -> Bool do
  if n == 0 do false else is_even(n - 1) end
end

fn later(x :: Int) -> Int = x * 100

fn describe(c :: Color) -> String do
  case c do
    Red -> "red"
    Blue -> "blue"
  end
end

type Color do
  Red
  Blue
end
