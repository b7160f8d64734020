# `where T: Trait` bounds: satisfied for built-in and user types.
fn describe<T>(value :: T) -> String where T: Display do
  "value: ${value}"
end

fn same<T>(a :: T, b :: T) -> Bool where T: Eq, T: Display do
  a == b
end

struct P do
  x :: Int
end deriving(Display, Eq)

fn main() do
  println(describe(5))
  println(describe("s"))
  println(describe(P { x: 1 }))
  println("${same(P { x: 1 }, P { x: 1 })} ${same(1, 2)}")
end
