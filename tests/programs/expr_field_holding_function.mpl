# A struct field holding a function is called as a field (field lookup wins over methods).
struct Handler do
  run :: Fun(Int) -> Int
  name :: String
end

fn main() do
  let h = Handler { run: fn x -> x * 3 end, name: "triple" }
  println("${h.name} ${h.run(4)}")
end
