# List: new, length, append, head, tail, get/nth, last, concat, reverse (inputs unchanged).
fn main() do
  let e :: List<Int> = List.new()
  let xs = List.append(List.append(e, 1), 2)
  let ys = List.concat(xs, [3, 4])
  println("${List.length(e)} ${xs} ${ys} ${List.reverse(ys)}")
  println("${List.head(ys)} ${List.tail(ys)} ${List.get(ys, 2)} ${List.nth(ys, 0)} ${List.last(ys)}")
  println("${xs}")
end
