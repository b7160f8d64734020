# Cons patterns `h :: t` (right-associative) match non-empty lists.
fn sum(xs :: List<Int>) -> Int do
  case xs do
    h :: t -> h + sum(t)
    _ -> 0
  end
end

fn first_two(xs :: List<String>) -> String do
  case xs do
    a :: b :: _ -> a <> b
    a :: _ -> a
    _ -> "none"
  end
end

fn main() do
  println("${sum([1, 2, 3, 4])} ${sum([])}")
  println(first_two(["x", "y", "z"]) <> " " <> first_two(["x"]) <> " " <> first_two([]))
end
