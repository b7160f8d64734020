# Keyword arguments are collected into one trailing Map<String, V> argument.
fn opts(m :: Map<String, Int>) -> Int = Map.size(m)

fn label(prefix :: String, m :: Map<String, String>) -> String do
  prefix <> Map.get(m, "name") <> Map.get(m, "suffix")
end

fn main() do
  println("${opts(a: 1, b: 2)}")
  println(label("Dr. ", name: "Who", suffix: "!"))
end
