# P50: a service's `start()` returns Pid<()> (type-checked only).
service Svc do
  fn init() -> Int do
    0
  end

  cast Poke() do |s|
    s + 1
  end
end

fn boot() -> Pid<()> do
  Svc.start()
end

fn main() do
  println("checked")
end
