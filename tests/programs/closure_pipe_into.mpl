# A closure may be the right side of a pipe; `x |> f` works with closure-valued names.
fn main() do
  let r = 5 |> fn(v) -> v * 2 end
  let sq = fn v -> v * v end
  let s = 3 |> sq
  println("${r} ${s}")
end
