# Manual Eq and Ord impls drive ==, !=, <, >, <=, >= (a > b is b.lt(a), etc.).
struct Len do
  s :: String
end deriving()

impl Eq for Len do
  fn eq(self, other :: Len) -> Bool do
    String.length(self.s) == String.length(other.s)
  end
end

impl Ord for Len do
  fn lt(self, other :: Len) -> Bool do
    String.length(self.s) < String.length(other.s)
  end
end

fn main() do
  let a = Len { s: "ab" }
  let b = Len { s: "xy" }
  let c = Len { s: "xyz" }
  println("${a == b} ${a != c} ${a < c} ${c > a} ${a <= b} ${c >= a} ${c < a}")
end
