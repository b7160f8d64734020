# A child start function that does not return a Pid is E0018.
supervisor Sup do
  child worker do
    start: fn -> 42 end
  end
end

fn main() do
  println("x")
end
