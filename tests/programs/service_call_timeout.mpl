# exit: 0
# A call that gets no reply within 5000 ms fails the caller with a clear message; the
# service itself keeps running.
from Process import Down, Killed

service Slow do
  fn init() -> Int do
    0
  end

  call Nap(ms :: Int) :: Int do |st|
    Timer.sleep(ms)
    (st, ms)
  end
end

actor caller(pid :: Pid) do
  println("reply: ${Slow.nap(pid, 60000)}")
end

actor run() do
  let s = Slow.start()
  let t0 = Timer.now_ms()
  let c = spawn(caller, s)
  let _ = Process.monitor(c)
  receive do
    Down(_, _, reason) -> println("caller ended: ${reason}")
  end
  let took = Timer.now_ms() - t0
  println("after about 5 s: ${took >= 4900 && took < 8000}")
  println("service alive: ${Process.alive(s)}")
  Process.stop(s, Killed)
end

fn main() do
  let _ = spawn(run)
end
