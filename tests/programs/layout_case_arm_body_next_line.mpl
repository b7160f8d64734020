# A case arm body must start on the same line as its `->`.
fn main() do
  let r = Some(1)
  case r do
    Some(v) ->
      println("${v}")
    None -> println("none")
  end
end
