# Built-in constructors are also reachable qualified: Option.Some, Result.Err, Ordering.Less.
fn main() do
  let a = Option.Some(1)
  let b :: Int!String = Result.Err("e")
  let c = Ordering.Less
  case (a, b, c) do
    (Some(1), Err("e"), Less) -> println("all qualified")
    _ -> println("mismatch")
  end
  case compare(2, 1) do
    Ordering.Greater -> println("greater")
    _ -> println("not greater")
  end
end
