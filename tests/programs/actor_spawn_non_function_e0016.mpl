# Spawning something that is not a function is E0016.
fn start() do
  spawn(42)
end

fn main() do
  println("x")
end
