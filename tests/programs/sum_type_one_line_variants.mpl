# Variants may be separated by whitespace on one line (no `|`).
type C do Red Green Blue end

fn idx(c :: C) -> Int do
  case c do
    Red -> 0
    Green -> 1
    Blue -> 2
  end
end

fn main() do
  println("${idx(Red) + idx(Green) + idx(Blue)}")
end
