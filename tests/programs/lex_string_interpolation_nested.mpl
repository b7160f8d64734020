# Strings nested inside an interpolation may interpolate themselves; braces inside count.
fn main() do
  let n = 3
  println("a ${"b ${n + 1} c"} d")
  println("x${"y${"z${n}"}"}")
  println("map: ${%{"k" => 1}}")
  println("call: ${String.length("${n}${n}")}")
end
