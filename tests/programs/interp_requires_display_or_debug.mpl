# Interpolating a value whose type has neither Display nor Debug is E0006 (REC Q33).
struct Secret do
  code :: Int
end deriving(Eq)

fn main() do
  let s = Secret { code: 1 }
  println("secret: ${s}")
end
