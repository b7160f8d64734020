# Line, doc and module-doc comments, nestable block comments, and `#` inside strings.
##! module documentation
## doc comment for main
fn main() do
  #= a block comment #= nested =# still inside =#
  println("one") # trailing comment
  #=
  spanning
  lines
  =#
  println("# not a comment")
  let x = #= inline =# 2
  println("${x}")
end
