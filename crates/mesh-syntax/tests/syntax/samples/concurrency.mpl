##! Actors, services and supervisors.
## A message for the meter.
type MeterMsg do
  Add(Int)
  Report(Pid)
end

actor meter(total :: Int) do
  receive do
    Add(n) when n > 0 -> meter(total + n)
    Add(_) -> meter(total)
    Report(who) ->
      send(who, total)
  after 5000 ->
    meter(total)
  end
  terminate do
    println("bye ${total}")
  end
end

actor ticker(interval :: Int) do
  Timer.sleep(interval)
  println("tick")
  ticker(interval)
end

struct Tally do
  counts :: Map<String, Int>
  hits :: Int
end deriving(Eq, Debug)

service Stats do
  fn init(seed :: Int) -> Tally do
    Tally { counts: %{}, hits: seed }
  end

  call Bump(key :: String) :: Int do |st|
    let n = st.hits + 1
    (Tally { counts: Map.put(st.counts, key, n), hits: n }, n)
  end

  cast Reset() do |_st|
    Tally { counts: %{}, hits: 0 }
  end
end

supervisor Jobs do
  strategy: one_for_all
  max_restarts: 5
  max_seconds: 10

  child primary do
    start: fn -> spawn(ticker, 1000) end
    restart: transient
    shutdown: 2000
  end
end

#= a block comment
   #= nested =#
=#
fn main() do
  let m = spawn(meter, 0)
  send(m, Add(5))
  link(m)
  let me = self()
  let pid = Stats.start(0)
  let n = Stats.bump(pid, "a")
  Stats.reset(pid)
  let _sup = spawn(Jobs)
  println("${Stats.bump(pid, "b")} and ${n}")
  let squares = for i in 0..5 do i * i end
  while false do
    break
  end
  for {k, v} in %{"a" => 1} when v > 0 do
    continue
  end
  let hex = 0xFF + 0b1010 + 0o17 + 1_000
  let f = 1.5e3
  let r = %{ Tally { counts: %{}, hits: 1 } | hits: 2 }
  me
end
