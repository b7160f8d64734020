# Circular imports between modules are rejected with the cycle in order.
from A.One import one

fn main() do
  println("${one()}")
end
