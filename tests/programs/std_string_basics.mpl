# String basics: length in code points, contains, starts/ends_with, trim, case mapping.
fn main() do
  println("${String.length("café")} ${String.length("")} ${String.length("日本語")}")
  println("${String.contains("hello", "ell")} ${String.contains("hello", "")} ${String.contains("", "a")}")
  println("${String.starts_with("hello", "he")} ${String.ends_with("hello", "lo")} ${String.starts_with("he", "hello")}")
  println("[" <> String.trim("  \t x y \n ") <> "]")
  println(String.to_upper("straße café") <> " " <> String.to_lower("ÀBC"))
end
