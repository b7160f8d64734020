# `return expr` exits early; `return` alone returns (); a returned value unifies with the result type.
fn find_first_negative(xs :: List<Int>) -> Int do
  for x in xs do
    if x < 0 do
      return x
    end
  end
  0
end

fn log_if(flag :: Bool) do
  if not flag do
    return
  end
  println("flag set")
end

fn main() do
  println("${find_first_negative([3, -2, -5])} ${find_first_negative([1])}")
  log_if(false)
  log_if(true)
end
