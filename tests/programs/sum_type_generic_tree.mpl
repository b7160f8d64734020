# Generic recursive sum types infer their parameter from constructor arguments.
type Tree<T> do
  Leaf
  Node(Tree<T>, T, Tree<T>)
end

fn insert(t :: Tree<Int>, v :: Int) -> Tree<Int> do
  case t do
    Leaf -> Node(Leaf, v, Leaf)
    Node(l, x, r) -> if v < x do Node(insert(l, v), x, r) else Node(l, x, insert(r, v)) end
  end
end

fn to_list(t) do
  case t do
    Leaf -> []
    Node(l, x, r) -> to_list(l) ++ [x] ++ to_list(r)
  end
end

fn main() do
  let t = List.reduce([5, 2, 8, 1, 9, 3], Leaf, insert)
  println("${to_list(t)}")
  let s = Node(Leaf, "only", Leaf)
  println("${to_list(s)}")
end
