# Importing a struct that is not `pub` is E0035.
from Model.User import Hidden

fn main() do
  println("x")
end
