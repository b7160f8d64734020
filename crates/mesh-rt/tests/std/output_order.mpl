# exit: 1
# Standard output is buffered but stays in program order with standard error, and a
# failure prints the error with its Mesh stack trace.

fn lookup(m :: Map<String, Int>, k :: String) -> Int do
  Map.get(m, k)
end

fn main() do
  print("a ")
  println("b")
  IO.eprintln("to stderr")
  println("after")
  let m = %{"k" => 1}
  println(String.from(lookup(m, "k")))
  println(String.from(lookup(m, "missing")))
  println("not reached")
end
