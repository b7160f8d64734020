# A module importing itself is an error.
from Util.Helpers import f

fn main() do
  println("${f()}")
end
