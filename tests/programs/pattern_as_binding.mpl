# `pat as name` binds the whole value as well as the pattern's own bindings.
fn main() do
  let o = Some((1, "one"))
  case o do
    Some((n, s) as pair) as whole -> println("${n} " <> s <> " ${pair == (1, "one")} ${whole == o}")
    None -> println("none")
  end
  case [1, 2, 3] do
    h :: t as all -> println("${h} ${t} ${all}")
    _ -> println("empty")
  end
end
