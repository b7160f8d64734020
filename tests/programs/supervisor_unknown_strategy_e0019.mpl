# An unknown supervision strategy is E0019.
actor w() do
  receive do
    _ -> w()
  end
end

supervisor Sup do
  strategy: all_at_once
  child a do
    start: fn -> spawn(w) end
  end
end

fn main() do
  println("x")
end
