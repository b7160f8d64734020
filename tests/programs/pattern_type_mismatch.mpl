# Every arm pattern must unify with the scrutinee type (E0001).
fn main() do
  case 5 do
    "five" -> println("s")
    _ -> println("other")
  end
end
