# String.from gives the Display text: Int, Float (3.0 → 3), Bool, String unchanged, lists.
fn main() do
  println(String.from(42) <> " " <> String.from(3.0) <> " " <> String.from(95.5) <> " " <> String.from(false) <> " " <> String.from("s"))
  println(String.from([1, 2]) <> " " <> String.from(-0.5))
end
