# An invalid shutdown value is E0021.
actor w() do
  receive do
    _ -> w()
  end
end

supervisor Sup do
  child a do
    start: fn -> spawn(w) end
    shutdown: gently
  end
end

fn main() do
  println("x")
end
