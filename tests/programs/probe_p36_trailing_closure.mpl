# P36: trailing closures are not supported: `each([1, 2]) do |x| … end` is rejected.
fn each(xs :: List<Int>) -> List<Int> = xs

fn main() do
  let r = each([1, 2]) do |x| x + 1 end
  println("${r}")
end
