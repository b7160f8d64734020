# String escapes: \n \t \r \\ \" \0, and `\X` for any other X yields X (`\$` blocks interpolation).
fn main() do
  println("a\tb")
  println("line1\nline2")
  println("back\\slash")
  println("say \"hi\"")
  println("cost: \$5 and \${x}")
  println("\u\q\{")
  println("${String.length("\0")}")
  println("${String.length("\r")}")
  println("${String.length("a\\b")}")
end
