# `T?` is Option<T>, `T!E` is Result<T, E>, and `A!B!C` is Result<A, Result<B, C>>.
fn a() -> Int? = Some(1)
fn b() -> String!Int = Err(2)
fn c() -> Int!String!Bool = Err(Err(true))
fn d() -> List<Int>? = None

fn main() do
  let x :: Option<Int> = a()
  let y :: Result<String, Int> = b()
  let z :: Result<Int, Result<String, Bool>> = c()
  let w :: Option<List<Int>> = d()
  case (x, y, z, w) do
    (Some(1), Err(2), Err(Err(true)), None) -> println("sugar ok")
    _ -> println("mismatch")
  end
end
