# Schema metadata functions exist only with deriving(Schema).
struct Plain do
  x :: Int
end

fn main() do
  println(Plain.__table__())
end
