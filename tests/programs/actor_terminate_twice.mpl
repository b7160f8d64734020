# Only one `terminate` clause is allowed per actor (parse error).
actor w() do
  terminate do
    println("a")
  end
  terminate do
    println("b")
  end
  w()
end

fn main() do
  println("x")
end
