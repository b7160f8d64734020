# Case guards allow comparisons, boolean operators, string literals and calls of plain names.
fn small(n :: Int) -> Bool = n < 5

fn f(x :: Int, s :: String) -> String do
  case x do
    n when n == 0 and s == "zero" -> "zero by name"
    n when small(n) && not (n == 3) -> "small"
    n when n > 100 || s != "" -> "big or named"
    _ -> "other"
  end
end

fn main() do
  println(f(0, "zero"))
  println(f(2, ""))
  println(f(3, ""))
  println(f(500, ""))
  println(f(50, "x"))
end
