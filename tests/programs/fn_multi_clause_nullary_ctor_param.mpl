# A nullary constructor in parameter position is a constructor pattern, not a binding (REC §5.2).
fn value(None) = 0
fn value(Some(x)) = x

type Light do
  Red
  Green
end

fn go(Red) = false
fn go(Green) = true

fn main() do
  println("${value(None)} ${value(Some(5))} ${go(Red)} ${go(Green)}")
end
