# An imported service exposes its generated client functions (type-checked only, never started).
from Services.Counter import Counter

fn use_counter() -> Int do
  let pid = Counter.start(1)
  Counter.bump(pid, 2)
  Counter.get_count(pid)
end

fn main() do
  println("checked")
end
