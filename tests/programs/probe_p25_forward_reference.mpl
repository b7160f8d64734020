# P25: a function may call one defined later in the file (REC: forward references allowed).
fn a() -> Int do
  b() + 1
end

fn b() -> Int do
  41
end

fn main() do
  println("${a()}")
end
