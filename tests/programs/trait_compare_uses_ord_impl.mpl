# `compare` and the comparison operators dispatch to a manual Ord impl.
struct Rank do
  n :: Int
end deriving(Eq)

impl Ord for Rank do
  fn lt(self, other :: Rank) -> Bool = self.n > other.n
end

fn main() do
  let a = Rank { n: 1 }
  let b = Rank { n: 2 }
  let r = case compare(a, b) do
    Less -> "less"
    Equal -> "equal"
    Greater -> "greater"
  end
  println(r <> " ${a < b} ${Math.max(a, b).n}")
end
