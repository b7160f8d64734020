# A run-time error several calls deep reports every frame, innermost first.
fn level3(m :: Map<String, Int>) -> Int = Map.get(m, "nope")
fn level2(m :: Map<String, Int>) -> Int = level3(m) + 1
fn level1() -> Int = level2(%{"yes" => 1}) * 2

fn main() do
  println("${level1()}")
end
