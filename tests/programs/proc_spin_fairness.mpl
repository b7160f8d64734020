# The reduction budget makes a process that never waits yield now and then, so it cannot
# starve the others: with two processes spinning forever (as many as this machine has
# cores) a third one still ticks on time, and the program ends through Process.exit.
fn spin(n :: Int) -> Int do
  if n >= 0 do spin(n + 1) else n end
end

actor spinner() do
  let _ = spin(0)
end

fn exit_with<T>(code :: Int, v :: T) -> T do
  Process.exit(code)
  v
end

actor ticker(i :: Int, n :: Int) do
  if i < n do
    println("tick ${i}")
    Timer.sleep(5)
    ticker(i + 1, n)
  else
    exit_with(0, self())
  end
end

fn main() do
  let _ = spawn(spinner)
  let _ = spawn(spinner)
  let _ = spawn(spinner)
  let _ = spawn(ticker, 0, 5)
end
