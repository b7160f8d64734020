# `from X import *` is rejected: glob imports are not allowed.
from String import *

fn main() do
  println("x")
end
