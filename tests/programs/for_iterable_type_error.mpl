# `for` over a value that is not iterable is an error (REC Q31), not a silent Int binding.
fn main() do
  let xs = for x in 42 do x end
  println("${xs}")
end
