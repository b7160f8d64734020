# Int multiplication overflow is a run-time error.
fn main() do
  let big = 3037000500
  println("${big * big}")
end
