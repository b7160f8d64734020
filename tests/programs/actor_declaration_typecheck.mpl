# Actor declarations with receive/after, self tail calls and terminate type-check (not started).
type MeterMsg do
  Add(Int)
  Report(Pid)
end

actor meter(total :: Int) do
  receive do
    Add(n) -> meter(total + n)
    Report(_who) -> meter(total)
  after 5000 -> meter(total)
  end
end

actor ticker(interval :: Int) do
  terminate do
    println("stopped")
  end
  println("tick ${interval}")
  ticker(interval)
end

fn main() do
  println("declared")
end
