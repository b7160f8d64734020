# `pub` before `actor` is a parse error (actors are always exported).
pub actor a() do
  a()
end

fn main() do
  println("x")
end
