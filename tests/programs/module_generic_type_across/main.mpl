# Generic structs and sum types from another module are instantiated at several types.
from Lib.Box import Box, Either, wrap

fn side(e :: Either<Int, String>) -> String do
  case e do
    Left(n) -> "left ${n}"
    Right(s) -> "right " <> s
  end
end

fn main() do
  let a = wrap(1)
  let b = wrap("s")
  let c :: Box<Bool> = Box { value: true }
  println("${a} ${b} ${c.value}")
  println(side(Left(1)) <> ", " <> side(Right("x")))
end
