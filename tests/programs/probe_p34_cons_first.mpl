# P34: `fn first(xs)` with `h :: _ -> h` / `_ -> 0` infers (List<Int>) -> Int.
fn first(xs) do
  case xs do
    h :: _ -> h
    _ -> 0
  end
end

fn main() do
  let f :: Fun(List<Int>) -> Int = first
  println("${f([5, 6])} ${first([])}")
end
