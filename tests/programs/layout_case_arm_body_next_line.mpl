# A case arm body may start on the line after its `->` (the original required the same line).
fn main() do
  let r = Some(1)
  case r do
    Some(v) ->
      println("${v}")
    None -> println("none")
  end
end
