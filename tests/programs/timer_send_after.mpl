# `Timer.send_after(pid, ms, msg)` delivers `msg` after `ms` milliseconds without blocking
# the caller; a pending delayed message keeps the program running; `ms <= 0` delivers at
# once.
actor receiver(n :: Int) do
  receive do
    msg -> receiver(report(n, msg))
  end
end

fn report(n :: Int, msg :: String) -> Int do
  println("${n}: ${msg}")
  n + 1
end

fn main() do
  let r = spawn(receiver, 0)
  Timer.send_after(r, 60, "late")
  Timer.send_after(r, 30, "early")
  println("main goes on")
  Timer.send_after(r, 0, "now")
end
