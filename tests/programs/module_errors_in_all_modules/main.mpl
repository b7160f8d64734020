# Type errors of every module are reported, not only the first module's.
from A.One import one

fn main() do
  let s :: String = one()
  println("x")
end
