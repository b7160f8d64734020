# P12: we allow `==` on maps (structural equality, a documented superset of the reference).
fn main() do
  let g :: Bool = %{1 => 2} == %{1 => 2}
  println("${g} ${%{1 => 2} == %{1 => 3}} ${%{"a" => 1} != %{}}")
end
