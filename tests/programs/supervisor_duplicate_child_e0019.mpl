# Two children with the same name is E0019.
actor w() do
  receive do
    _ -> w()
  end
end

supervisor Sup do
  child a do
    start: fn -> spawn(w) end
  end
  child a do
    start: fn -> spawn(w) end
  end
end

fn main() do
  println("x")
end
