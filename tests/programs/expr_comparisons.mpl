# Comparisons on Int, Float, String (by content, lexicographic) and lists (element-wise).
fn main() do
  println("${3 < 5} ${5 <= 5} ${2.5 > 2.4} ${1.0 >= 1.5}")
  println("${"abc" < "abd"} ${"b" > "abc"} ${"x" == "x"} ${"x" != "y"}")
  println("${[1, 2] < [1, 3]} ${[1, 2] < [1, 2, 0]} ${[2] > [1, 9]} ${[1, 2] == [1, 2]}")
  let s = "ab"
  println("${s <> "c" == "abc"}")
end
