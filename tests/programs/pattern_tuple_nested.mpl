# Nested tuple and constructor patterns, with wildcards.
fn classify(p :: (Option<Int>, (Bool, String))) -> String do
  case p do
    (Some(0), (true, _)) -> "zero-true"
    (Some(n), (_, "x")) -> "some ${n} x"
    (None, (b, s)) -> "none ${b} " <> s
    (Some(_), _) -> "some other"
  end
end

fn main() do
  println(classify((Some(0), (true, "a"))))
  println(classify((Some(5), (false, "x"))))
  println(classify((None, (false, "q"))))
  println(classify((Some(5), (false, "y"))))
end
