# P55: importing a private function is E0035.
from Math.Vector import secret

fn main() do
  println("${secret()}")
end
