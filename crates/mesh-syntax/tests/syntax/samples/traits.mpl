import Math.Vector
from Geometry.Shapes import Shape, area

interface Describe<T> do
  type Output
  fn describe(self) -> String
  fn shout(self) -> String do
    String.upper(self.describe())
  end
end

pub struct Money do
  cents :: Int
end

impl Add for Money do
  type Output = Money
  fn add(self, other :: Money) -> Money do
    Money { cents: self.cents + other.cents }
  end
end

impl From<Int> for Money where T: Eq do
  fn from(n :: Int) -> Money = Money { cents: n }
end

pub type Tree<T> do
  Leaf
  Node(left :: Tree<T>, value :: T, right :: Tree<T>)
end deriving(Eq, Ord, Display)

type Handler = Fun(String, Int?) -> Int!String

fn depth<T>(t :: Tree<T>) -> Int do
  case t do
    Leaf -> 0
    Tree.Node(l, _, r) -> 1 + max(depth(l), depth(r))
  end
end

fn classify(0) = "zero"
fn classify(n) when n < 0 = "negative"
fn classify(_) = "positive"

fn first(xs) do
  case xs do
    h :: _ -> h
    _ -> 0
  end
end

fn run(text :: String) -> Int!String do
  let n = String.to_int(text)?
  if n > 100 do
    return Err("too big")
  else if n < 0 do
    return Err("negative")
  else
    nil
  end
  let bucket = fn 0 -> "none" | k when k < 10 -> "few" | _ -> "many" end
  let (q, r) = (n / 2, n % 2)
  let label :: String = "n=${n}"
  let total = [1, 2, 3]
    |> List.map(fn x -> x * 2 end)
    |> List.reduce(0, fn(acc, x) do
      acc + x
    end)
  Ok(total + q + r)
end

module Inner do
  pub fn hidden() = 1
end
