# A service keeps state across calls and casts: `start` passes the init arguments, call
# handlers reply, cast handlers return at once, client names are snake_case, and a
# registered service is found again by name.
struct Tally do
  counts :: Map<String, Int>
  hits :: Int
end

service Stats do
  fn init(seed :: Int, label :: String) -> Tally do
    println("init ${label} with ${seed}")
    Tally { counts: %{}, hits: seed }
  end

  call Bump(key :: String) :: Int do |st|
    let n = st.hits + 1
    (Tally { counts: Map.put(st.counts, key, n), hits: n }, n)
  end

  call GetCount(key :: String) do |st|
    (st, if Map.has_key(st.counts, key) do Map.get(st.counts, key) else 0 end)
  end

  call HitsAndKeys() do |st|
    (st, (st.hits, Map.size(st.counts)))
  end

  cast Reset() do |_st|
    Tally { counts: %{}, hits: 0 }
  end

  cast AddHits(n :: Int, m :: Int) do |st|
    %{st | hits: st.hits + n * m}
  end
end

fn main() do
  let pid = Stats.start(10, "stats")
  println("bump a: ${Stats.bump(pid, "a")}")
  println("bump b: ${Stats.bump(pid, "b")}")
  println("get_count a: ${Stats.get_count(pid, "a")}")
  println("get_count zz: ${Stats.get_count(pid, "zz")}")
  Stats.add_hits(pid, 3, 4)
  println("hits and keys: ${Stats.hits_and_keys(pid)}")
  Stats.reset(pid)
  println("after reset: ${Stats.hits_and_keys(pid)}")
  println("register: ${Process.register("stats", pid)}")
  let again = Process.whereis("stats")
  println("by name: ${Stats.bump(again, "c")}")
end
