# exit: 0
# A non-exhaustive multi-clause function is only a warning; the program still runs.
fn name(Some(n)) = "some ${n}"

fn main() do
  println(name(Some(1)))
end
