# String.split keeps empty pieces; "" gives [""]; an empty separator splits into code points.
fn main() do
  println("${String.split("a,,b", ",")}")
  println("${List.length(String.split("", ","))}")
  println("${String.split("abc", "")}")
  println("${List.length(String.split("abc", ""))}")
  println("${String.split("a--b--", "--")}")
  println("${List.length(String.split(",", ","))}")
end
