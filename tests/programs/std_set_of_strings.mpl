# Sets hold any element type with structural equality (REC: Set<T>).
fn main() do
  let s = Set.from_list(["a", "b", "a" <> ""])
  println("${Set.size(s)} ${Set.contains(s, "b")} ${Set.to_list(s)}")
end
