# Evaluation is strict and left to right: arguments in order, pipe left side first.
fn t(tag :: String, v :: Int) -> Int do
  println(tag)
  v
end

fn add(a :: Int, b :: Int) -> Int = a + b

fn main() do
  let r = add(t("first", 1), t("second", 2))
  let s = t("left", 3) |> add(t("right", 4))
  let u = t("l", 1) + t("r", 2) * t("m", 3)
  println("${r} ${s} ${u}")
end
