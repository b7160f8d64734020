# A missing `do` after an `if` header is a parse error.
fn main() do
  let a = 1
  if a > 0
    println("pos")
  end
end
