# P57: importing a module that does not exist is E0031.
import Nope.Missing

fn main() do
  println("x")
end
