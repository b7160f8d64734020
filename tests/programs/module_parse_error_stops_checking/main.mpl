# A parse error in any file stops the build before type checking (no type error reported here).
from A.One import one

fn main() do
  let s :: String = 1
  println(s)
end
