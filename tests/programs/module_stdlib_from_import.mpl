# `from String import length` binds a stdlib function unqualified; `import List` is a no-op.
from String import length, to_upper
import List

fn main() do
  println("${length("abcd")} ${to_upper("ab")} ${List.length([1])}")
end
