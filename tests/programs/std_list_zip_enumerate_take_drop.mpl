# List.zip (truncates), enumerate, flatten, take/drop (clamped), contains (structural).
fn main() do
  let z = List.zip([1, 2, 3], ["a", "b"])
  for p in z do
    let (n, s) = p
    println("${n}" <> s)
  end
  for p in List.enumerate(["x", "y"]) do
    let (i, s) = p
    println("${i}:" <> s)
  end
  println("${List.flatten([[1], [], [2, 3]])}")
  println("${List.take([1, 2, 3], 2)} ${List.take([1, 2], 10)} ${List.take([1], -1)} ${List.drop([1, 2, 3], 1)} ${List.drop([1], 5)} ${List.drop([1, 2], -3)}")
  println("${List.contains(["fatal", "error"], "err" <> "or")} ${List.contains([1, 2], 3)}")
end
