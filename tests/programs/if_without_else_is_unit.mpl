# An `if` without `else` has type (): its then-branch value is discarded (REC Q8).
fn main() do
  let a = 3
  let z = if a > 0 do 5 end
  let u :: () = z
  let _ = u
  if a > 0 do
    println("positive")
  end
end
