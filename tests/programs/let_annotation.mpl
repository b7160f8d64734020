# `let x :: T = e` unifies the annotation with the initializer (also for generic containers).
fn main() do
  let label :: String = "x"
  let xs :: List<Int> = []
  let o :: Option<String> = None
  let r :: Int!String = Ok(3)
  let n :: Int = default()
  let s :: String = default()
  println("${label} ${List.length(xs)} ${n} [${s}]")
  case (o, r) do
    (None, Ok(v)) -> println("none ${v}")
    _ -> println("other")
  end
end
