# `e?` on Option yields the Some value or makes the function return None.
fn first_even(xs :: List<Int>) -> Int? do
  let found = List.find(xs, fn(x) -> x % 2 == 0 end)?
  Some(found * 10)
end

fn show(o :: Option<Int>) -> String do
  case o do
    Some(n) -> "Some ${n}"
    None -> "None"
  end
end

fn main() do
  println(show(first_even([1, 4, 6])))
  println(show(first_even([1, 3])))
end
