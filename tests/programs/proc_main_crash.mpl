# An uncaught error in `main` prints `error: …` with the stack trace and ends the whole
# program with exit code 1, even while other processes still run.
actor forever(n :: Int) do
  Timer.sleep(10)
  forever(n + 1)
end

fn fail_here(xs :: List<Int>) -> Int do
  List.head(xs)
end

fn main() do
  let _ = spawn(forever, 0)
  println("main fails now")
  let v = fail_here([])
  println("not reached ${v}")
end
