# P60: `0xFF` and `1_000_000` are Ints with their real values (REC, not 0).
fn main() do
  let hex :: Int = 0xFF
  let big :: Int = 1_000_000
  println("${hex} ${big} ${hex + big}")
end
