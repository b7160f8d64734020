# Arm bodies are single expressions, which may be if/case/closure calls; several arms per line parse.
fn f(o :: Option<Int>) -> String do
  case o do
    Some(n) -> if n > 0 do "pos" else "non-pos" end
    None -> case 1 do
      1 -> "nested"
      _ -> "x"
    end
  end
end

fn main() do
  println(f(Some(1)) <> " " <> f(Some(0)) <> " " <> f(None))
  let b = case true do true -> "t" false -> "f" end
  println(b)
end
