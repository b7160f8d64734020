# Atom literals `:name` have type Atom, distinct from String; `key: value` needs the space.
fn pass(a :: Atom) -> Atom do
  a
end

fn main() do
  let a = pass(:hello)
  let b :: Atom = :_tmp
  let c = :with_digits_1
  let _ = (a, b, c)
  let m = opts(x: 1, y: 2)
  println("${Map.size(m)}")
end

fn opts(m :: Map<String, Int>) -> Map<String, Int> do
  m
end
