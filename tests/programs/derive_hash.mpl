# Derived Hash: equal values have equal hashes; built-in Hash for Int/String/Bool.
struct Key do
  a :: String
  b :: Int
end deriving(Eq, Hash)

fn main() do
  let k1 = Key { a: "x", b: 1 }
  let k2 = Key { a: "x", b: 1 }
  println("${k1.hash() == k2.hash()}")
  println("${"abc".hash() == "abc".hash()} ${42.hash() == 42.hash()} ${true.hash() == true.hash()}")
end
