# String interpolation is not allowed in patterns (parse error).
fn main() do
  let x = "a"
  case "ab" do
    "${x}b" -> println("yes")
    _ -> println("no")
  end
end
