# List.sort takes a comparator returning <0, 0 or >0 and is stable.
fn main() do
  let xs = [5, 3, 9, 1, 3]
  println("${List.sort(xs, fn(a, b) -> a - b end)} ${List.sort(xs, fn(a, b) -> b - a end)}")
  let words = ["bb", "a", "cc", "d", "ee"]
  println("${List.sort(words, fn(a, b) -> String.length(a) - String.length(b) end)}")
  println("${List.sort([], fn(a, b) -> a - b end)}")
end
