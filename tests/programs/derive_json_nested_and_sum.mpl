# Nested structs encode as nested objects; sum types as {"tag": …, "fields": […]}; maps as objects.
type Shape do
  Circle(Float)
  Rect(Float, Float)
  Dot
end deriving(Json)

struct Point do
  x :: Int
  y :: Int
end deriving(Json)

struct Scene do
  origin :: Point
  shapes :: List<Shape>
  meta :: Map<String, Int>
end deriving(Json)

fn main() do
  let s = Scene { origin: Point { x: 1, y: 2 }, shapes: [Circle(1.5), Rect(2.0, 3.0), Dot], meta: %{"z" => 1, "a" => 2} }
  println(Json.encode(s))
end
