# exit: 3
# `Process.exit(code)` ends the whole program at once with that exit code, from any
# process; output printed before is flushed.
actor ender() do
  println("ender calls Process.exit(3)")
  Process.exit(3)
  println("not reached")
end

actor forever(n :: Int) do
  Timer.sleep(5)
  forever(n + 1)
end

fn main() do
  println("main starts a process that ends the program")
  let _ = spawn(forever, 0)
  let _ = spawn(ender)
end
