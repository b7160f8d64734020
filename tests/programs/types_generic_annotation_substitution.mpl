# Declared type variables are substituted everywhere in annotations, also nested (REC Q13).
fn first<T>(xs :: List<T>) -> T do
  head(xs)
end

fn wrap_all<T>(xs :: List<T>) -> List<Option<T>> do
  List.map(xs, fn(x) -> Some(x) end)
end

fn main() do
  println("${first([1, 2])} ${first(["a"])} ${List.length(wrap_all([true, false]))}")
end
