# exit: 0
# A run-time error ends only the process that failed (and processes linked to it): it
# is reported on standard error with the process, its function and the Mesh stack trace,
# and the rest of the program carries on.
from Process import Down

fn divide(a :: Int, b :: Int) -> Int do
  a / b
end

actor faulty(n :: Int) do
  receive do
    "go" -> println("faulty starts")
  end
  let x = divide(n, 0)
  println("not reached ${x}")
end

actor steady(n :: Int) do
  receive do
    k -> println("steady still works: ${n + k}")
  end
end

actor run() do
  let s = spawn(steady, 1)
  let f = spawn(faulty, 10)
  let _ = Process.monitor(f)
  send(f, "go")
  receive do
    Down(_, _, reason) -> println("faulty ended: ${reason}")
  end
  send(s, 41)
end

fn main() do
  let _ = spawn(run)
end
