# A block's value is its last statement; an empty-bodied function returns ().
fn pick(flag :: Bool) -> Int do
  let a = 1
  let b = 2
  if flag do a else b end
end

fn nothing() do
end

fn main() do
  let u = nothing()
  println("${pick(true)} ${pick(false)}")
  let same :: () = u
  let _ = same
end
