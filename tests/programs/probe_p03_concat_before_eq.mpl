# P3: `"x" <> "y" == "xy"` is `("x" <> "y") == "xy"`, a Bool.
fn main() do
  let e :: Bool = "x" <> "y" == "xy"
  println("${e}")
end
