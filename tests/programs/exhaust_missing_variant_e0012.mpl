# A case missing a variant is E0012, listing the missing pattern.
type Dir do
  North
  South
  East
end

fn f(d :: Dir) -> Int do
  case d do
    North -> 1
    South -> 2
  end
end

fn main() do
  println("${f(North)}")
end
