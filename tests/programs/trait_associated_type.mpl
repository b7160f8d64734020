# Associated types: declared with `type X`, bound in impls, used as Self.X.
interface Stack do
  type Elem
  fn top(self) -> Self.Elem
end

struct IntStack do
  items :: List<Int>
end

struct Names do
  items :: List<String>
end

impl Stack for IntStack do
  type Elem = Int
  fn top(self) -> Int do
    List.last(self.items)
  end
end

impl Stack for Names do
  type Elem = String
  fn top(self) -> String do
    List.head(self.items)
  end
end

fn main() do
  let s = IntStack { items: [1, 2, 3] }
  let n = Names { items: ["a", "b"] }
  println("${s.top() + 1} " <> n.top())
end
