# `self()` outside an actor body is E0015.
fn me() do
  self()
end

fn main() do
  let _ = me()
end
