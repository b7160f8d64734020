# An invalid restart type is E0020.
actor w() do
  receive do
    _ -> w()
  end
end

supervisor Sup do
  child a do
    start: fn -> spawn(w) end
    restart: sometimes
  end
end

fn main() do
  println("x")
end
