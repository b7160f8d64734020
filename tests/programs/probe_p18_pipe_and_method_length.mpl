# P18: `[1, 2, 3] |> List.length()` and `"abc".length()` are Ints.
fn main() do
  let tr :: Int = [1, 2, 3] |> List.length()
  let m :: Int = "abc".length()
  println("${tr} ${m}")
end
