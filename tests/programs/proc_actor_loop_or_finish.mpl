# An actor's self call loops (type Never), so one arm may finish the actor while the
# others loop; the arms need not all end in the self call.
actor countdown(parent, n :: Int) do
  if n == 0 do
    send(parent, "liftoff")
  else
    countdown(parent, n - 1)
  end
end

actor listener(seen :: Int) do
  receive do
    "liftoff" -> println("liftoff after ${seen} other messages")
    _ -> listener(seen + 1)
  end
end

fn main() do
  let l = spawn(listener, 0)
  let u :: Pid = l
  send(u, "noise")
  send(u, "more noise")
  let _ = spawn(countdown, l, 1000)
end
