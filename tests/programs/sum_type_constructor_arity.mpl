# Calling a constructor with the wrong number of arguments is E0003.
type Shape do
  Rect(Float, Float)
end

fn main() do
  let r = Rect(1.0)
  let _ = r
end
