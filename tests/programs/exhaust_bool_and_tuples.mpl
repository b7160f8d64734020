# Bool and tuples of finite types are exhaustive without a wildcard (REC Q17).
fn both(p :: (Bool, Bool)) -> String do
  case p do
    (true, true) -> "tt"
    (true, false) -> "tf"
    (false, _) -> "f_"
  end
end

fn pick(t :: (Int, String)) -> Int do
  case t do
    (n, _) -> n
  end
end

fn opt(o :: Option<Bool>) -> Int do
  case o do
    Some(true) -> 1
    Some(false) -> 2
    None -> 3
  end
end

fn main() do
  println(both((true, false)) <> " " <> both((false, true)) <> " ${pick((4, "x"))} ${opt(Some(false))}")
end
