# String.to_int / to_float: trimmed, signs allowed, garbage and overflow give None.
fn i(s :: String) -> String do
  case String.to_int(s) do
    Some(n) -> "${n}"
    None -> "None"
  end
end

fn f(s :: String) -> String do
  case String.to_float(s) do
    Some(x) -> "${x}"
    None -> "None"
  end
end

fn main() do
  println(i("42") <> " " <> i(" -7 ") <> " " <> i("+3") <> " " <> i("1.5") <> " " <> i("x") <> " " <> i("9223372036854775808") <> " " <> i(""))
  println(f("1.5") <> " " <> f(" 1e3 ") <> " " <> f("-2") <> " " <> f("inf") <> " " <> f("abc"))
end
