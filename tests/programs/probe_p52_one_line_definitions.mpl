# P52: one-line sum type and one-line struct with deriving.
type C do Red Green Blue end
struct P do x :: Int end deriving(Eq)

fn main() do
  let ok = P { x: 1 } == P { x: 1 }
  let c = Blue
  let n = case c do
    Red -> 1
    Green -> 2
    Blue -> 3
  end
  println("${ok} ${n}")
end
