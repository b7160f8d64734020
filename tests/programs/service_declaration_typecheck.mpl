# A service with init, call (annotated and inferred replies) and cast handlers type-checks.
struct Tally do
  counts :: Map<String, Int>
  hits :: Int
end

service Stats do
  fn init(seed :: Int) -> Tally do
    Tally { counts: %{}, hits: seed }
  end

  call Bump(key :: String) :: Int do |st|
    let n = st.hits + 1
    (Tally { counts: Map.put(st.counts, key, n), hits: n }, n)
  end

  call Snapshot() do |st|
    (st, st.hits)
  end

  cast Reset() do |_st|
    Tally { counts: %{}, hits: 0 }
  end
end

fn main() do
  println("declared")
end
