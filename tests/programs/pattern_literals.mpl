# Literal patterns: Int, negative Int, Float, String, Bool, nil/unit.
fn i(n :: Int) -> String do
  case n do
    0 -> "zero"
    -1 -> "minus one"
    42 -> "answer"
    _ -> "other"
  end
end

fn f(x :: Float) -> String do
  case x do
    1.5 -> "one and a half"
    -2.5 -> "minus two and a half"
    _ -> "other"
  end
end

fn s(t :: String) -> String do
  case t do
    "" -> "empty"
    "hi" -> "greeting"
    _ -> "text"
  end
end

fn u(v :: ()) -> String do
  case v do
    nil -> "unit"
  end
end

fn main() do
  println(i(0) <> " " <> i(-1) <> " " <> i(42) <> " " <> i(-42))
  println(f(1.5) <> " " <> f(-2.5) <> " " <> f(0.0))
  println(s("") <> " " <> s("hi") <> " " <> s("yo"))
  println(u(()))
end
