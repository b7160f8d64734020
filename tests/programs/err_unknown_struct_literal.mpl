# A struct literal for an unknown struct name is reported.
fn main() do
  let p = Pointt { x: 1 }
  println("x")
end
