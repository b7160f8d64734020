# `receive` inside a plain function (not an actor) is E0017.
fn wait() do
  receive do
    x -> x
  end
end

fn main() do
  println("x")
end
