# P48: `receive` inside a plain function is E0017.
fn f() do
  receive do
    x -> x
  end
end

fn main() do
  println("x")
end
