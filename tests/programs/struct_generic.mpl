# Generic structs infer their parameters from the field values.
struct Pair<A, B> do
  left :: A
  right :: B
end

fn swap<A, B>(p :: Pair<A, B>) -> Pair<B, A> do
  Pair { left: p.right, right: p.left }
end

fn main() do
  let p = Pair { left: 7, right: "x" }
  let q = swap(p)
  let r :: Pair<List<Int>, Bool> = Pair { left: [1], right: true }
  println("${q.left} ${q.right + 1} ${r.left} ${r.right}")
end
