# A constructor with fields is a function value; nullary constructors are values.
type Wrap do
  W(Int)
  Empty
end

fn unwrap(w :: Wrap) -> Int do
  case w do
    W(n) -> n
    Empty -> 0
  end
end

fn main() do
  let ws = List.map([1, 2, 3], W)
  let opts = List.map([4, 5], Some)
  let oks = List.map(["a"], Ok)
  println("${List.map(ws, unwrap)} ${List.length(opts)} ${List.length(oks)} ${unwrap(Empty)}")
end
