# Derived traits and impls of another module are visible in its importers.
from Model.Money import Money

fn main() do
  let a = Money { cents: 5 }
  let b = Money { cents: 7 }
  let c = a + b
  println("${c} ${a == b} ${a < b} ${c == Money { cents: 12 }}")
end
