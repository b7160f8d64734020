# An identifier pattern is a constructor only if it names a nullary variant; otherwise it binds.
type Color do
  Red
  Green
end

fn name(c :: Color) -> String do
  case c do
    Red -> "red"
    other -> "not red"
  end
end

fn main() do
  let red = 5
  let r = case 3 do
    red -> red * 2
  end
  println(name(Red) <> " " <> name(Green) <> " ${r}")
end
