# Set: add (no duplicates), remove, contains, size, union/intersection/difference orders, to/from_list.
fn main() do
  let s = Set.add(Set.add(Set.add(Set.new(), 3), 1), 3)
  println("${Set.size(s)} ${Set.contains(s, 1)} ${Set.contains(s, 2)} ${Set.to_list(s)}")
  let a = Set.from_list([1, 2, 3, 2])
  let b = Set.from_list([4, 3, 1])
  println("${Set.to_list(Set.union(a, b))} ${Set.to_list(Set.intersection(a, b))} ${Set.to_list(Set.difference(a, b))}")
  println("${Set.to_list(Set.remove(a, 2))} ${Set.to_list(Set.remove(a, 9))}")
  println("${a}")
end
