# P37: `pub type Id = String` is accepted (REC).
pub type Id = String

fn show(i :: Id) -> String = "id:" <> i

fn main() do
  println(show("7"))
end
