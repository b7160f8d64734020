# P21: keyword arguments become one trailing Map<String, V> argument.
fn opts(m :: Map<String, Int>) = Map.size(m)

fn main() do
  let o :: Int = opts(a: 1, b: 2)
  println("${o}")
end
