# Generic functions with explicit type parameters, used at several types.
fn pair_up<A, B>(a :: A, b :: B) -> (A, B) = (a, b)

fn map_opt<T, U>(o :: Option<T>, f :: Fun(T) -> U) -> Option<U> do
  case o do
    Some(x) -> Some(f(x))
    None -> None
  end
end

fn main() do
  let (x, y) = pair_up(1, "a")
  let m = map_opt(Some(2), fn n -> "n${n}" end)
  let e :: Option<Int> = map_opt(None, fn s -> String.length(s) end)
  case (m, e) do
    (Some(s), None) -> println("${x} " <> y <> " " <> s)
    _ -> println("unexpected")
  end
end
