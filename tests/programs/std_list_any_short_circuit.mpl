# List.any and List.all stop at the first decisive element.
fn main() do
  let seen = List.any([1, 2, 3], fn x do
    println("any ${x}")
    x == 2
  end)
  let all = List.all([1, 2, 3], fn x do
    println("all ${x}")
    x < 1
  end)
  println("${seen} ${all}")
end
