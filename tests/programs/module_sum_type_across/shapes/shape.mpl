pub type Shape do
  Circle(Float)
  Rect(w :: Float, h :: Float)
  Dot
end

pub fn area(s :: Shape) -> Float do
  case s do
    Circle(r) -> 3.0 * r * r
    Rect(w, h) -> w * h
    Dot -> 0.0
  end
end
