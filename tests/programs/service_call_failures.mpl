# exit: 0
# A call never hangs: it fails the caller (not the service) when the service is not
# running, when the service crashes before replying (naming the reason), and when the
# pid comes from `Process.whereis` of an unregistered name.
from Process import Down

service Fragile do
  fn init() -> Int do
    0
  end

  call Divide(n :: Int) :: Int do |st|
    (st, 100 / n)
  end
end

actor caller(label :: String, pid :: Pid, n :: Int) do
  receive do
    "go" -> println("${label}: ${Fragile.divide(pid, n)}")
  end
end

actor watch_call(label :: String, pid :: Pid, n :: Int) do
  let c = spawn(caller, label, pid, n)
  let _ = Process.monitor(c)
  send(c, "go")
  receive do
    Down(_, _, reason) -> println("${label} caller ended: ${reason}")
  end
end

actor run() do
  let f = Fragile.start()
  watch_call("ok", f, 4)
  watch_call("crash", f, 0)
  println("service alive after the crash: ${Process.alive(f)}")
  watch_call("dead", f, 5)
  watch_call("unregistered", Process.whereis("nobody"), 5)
end

fn main() do
  let _ = spawn(run)
end
