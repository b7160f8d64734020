# IEEE-754 comparisons: every ordered comparison with NaN is false, NaN != NaN.
fn main() do
  let nan = 0.0 / 0.0
  println("${nan < 1.0} ${1.0 < nan} ${nan > 1.0} ${nan == nan} ${nan != nan} ${nan <= 1.0} ${nan >= 1.0}")
end
