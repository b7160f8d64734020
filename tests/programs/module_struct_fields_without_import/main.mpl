# A struct value from another module has accessible fields even if only a function is imported.
from Model.User import make

fn main() do
  let u = make("ann")
  println(u.name <> " ${u.age}")
end
