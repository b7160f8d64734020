# String.join (list first) and String.replace (all occurrences; empty `from` inserts everywhere).
fn main() do
  println(String.join(["a", "b", "c"], ", "))
  println("[" <> String.join([], "-") <> "]")
  println(String.replace("a.b.c", ".", "::"))
  println(String.replace("aaa", "aa", "b"))
  println(String.replace("ab", "", "-"))
  println(String.replace("abc", "x", "y"))
end
