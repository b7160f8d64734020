# Or-patterns match any alternative; alternatives binding the same names may share a body.
type Shape do
  Circle(Int)
  Square(Int)
  Dot
end

fn size(s :: Shape) -> Int do
  case s do
    Circle(n) | Square(n) -> n
    Dot -> 0
  end
end

fn kind(n :: Int) -> String do
  case n do
    0 | 1 -> "tiny"
    2 | 3 | 4 -> "small"
    _ -> "big"
  end
end

fn main() do
  println("${size(Circle(3))} ${size(Square(4))} ${size(Dot)}")
  println(kind(1) <> " " <> kind(4) <> " " <> kind(9))
end
