# A constructor pattern with the wrong number of fields is E0003.
type Shape do
  Rect(Int, Int)
end

fn main() do
  case Rect(1, 2) do
    Rect(w) -> println("${w}")
  end
end
