# `let` accepts only a name or a tuple pattern: `let Some(x) = …` is a parse error.
fn main() do
  let Some(x) = Some(1)
  println("${x}")
end
