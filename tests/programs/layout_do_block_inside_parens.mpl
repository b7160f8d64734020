# Inside a do-block nested in parentheses newlines are significant again: `-y` is a new statement.
fn main() do
  let r = List.map([1, 2], fn(x) do
    let y = x * 10
    -y
  end)
  println("${r}")
  let s = List.map([3], fn(x) do
    let z = x
    (z + 1)
  end)
  println("${s}")
end
