# Json.encode of plain values: maps as objects, lists/tuples as arrays, Option, unit, NaN as null.
fn main() do
  println(Json.encode(%{"b" => 1, "a" => 2}))
  println(Json.encode([1, 2, 3]))
  println(Json.encode(["x", "y\"z"]))
  println(Json.encode(42) <> " " <> Json.encode(2.5) <> " " <> Json.encode(true) <> " " <> Json.encode("s"))
  println(Json.encode(Some(1)) <> " " <> Json.encode(None) <> " " <> Json.encode(()))
  println(Json.encode((1, "a")))
  println(Json.encode(0.0 / 0.0) <> " " <> Json.encode(2.0))
  println(Json.encode(%{1 => "one"}))
end
