# `>>` closes two generic argument lists (it is two `>` tokens).
fn build() -> Map<String, List<Int>> do
  Map.put(%{}, "a", [1, 2])
end

fn main() do
  let m :: Map<String, List<Option<Int>>> = %{"x" => [Some(1), None]}
  println("${Map.size(m)} ${Map.get(build(), "a")}")
end
