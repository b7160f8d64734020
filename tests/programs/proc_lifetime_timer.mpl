# After `main` returns the program keeps running while a process can still do
# something: here one sleeps, then prints, then waits forever (and the program ends).
actor late(ms :: Int) do
  Timer.sleep(ms)
  println("woke up after ${ms} ms")
  receive do
    _ -> println("never")
  end
end

fn main() do
  println("main starts a sleeper and returns")
  let _ = spawn(late, 50)
end
