# P56: importing a name the module does not define is E0034 and lists what is available.
from Math.Vector import nothing

fn main() do
  println("x")
end
