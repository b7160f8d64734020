# Derived Ord: structs lexicographic by field order; sum types by variant order, then fields.
struct Version do
  major :: Int
  minor :: Int
end deriving(Eq, Ord)

type Level do
  Low
  Mid(Int)
  High
end deriving(Eq, Ord)

fn show(o :: Ordering) -> String do
  case o do
    Less -> "Less"
    Equal -> "Equal"
    Greater -> "Greater"
  end
end

fn main() do
  let a = Version { major: 1, minor: 9 }
  let b = Version { major: 2, minor: 0 }
  println("${a < b} ${a > b} ${a <= a} ${b >= a}")
  println(show(compare(a, b)) <> " " <> show(compare(b, a)) <> " " <> show(compare(a, a)))
  println("${Low < Mid(0)} ${Mid(5) < Mid(7)} ${High > Mid(100)} ${Mid(3) >= Mid(3)}")
end
