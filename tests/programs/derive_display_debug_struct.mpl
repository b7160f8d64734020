# Derived Display is positional `Name(a, b)`; Debug is `Name { f: v, … }`; strings unquoted.
struct Version do
  major :: Int
  minor :: Int
end deriving(Display, Debug)

struct Pair<A, B> do
  left :: A
  right :: B
end deriving(Display, Debug)

struct Empty do
end deriving(Display, Debug)

fn main() do
  let v = Version { major: 1, minor: 4 }
  println("${v}")
  println(v.to_string())
  println(v.inspect())
  let p = Pair { left: 7, right: "x" }
  println("${p} ${p.inspect()}")
  let e = Empty {}
  println("${e} ${e.inspect()}")
end
