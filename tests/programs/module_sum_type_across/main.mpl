# An imported sum type brings its constructors; they can be built and matched in the importer.
from Shapes.Shape import Shape, area

fn label(s :: Shape) -> String do
  case s do
    Circle(_) -> "circle"
    Rect(_, _) -> "rect"
    Shape.Dot -> "dot"
  end
end

fn main() do
  let shapes = [Circle(1.0), Rect(2.0, 3.5), Dot]
  for s in shapes do
    println("${label(s)} ${area(s)}")
  end
end
