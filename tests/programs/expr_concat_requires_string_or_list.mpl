# `<>` is for Strings and Lists: on Ints it is an error.
fn main() do
  let x = 1 <> 2
  println("${x}")
end
