# P23: `for {k, v} in %{1 => "a"} do v end` is a List<String>.
fn main() do
  let vs :: List<String> = for {k, v} in %{1 => "a"} do v end
  println("${vs}")
end
