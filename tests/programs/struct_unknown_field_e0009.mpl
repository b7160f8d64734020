# A struct literal with an unknown field is E0009.
struct Account do
  owner :: String
end

fn main() do
  let a = Account { owner: "ana", bonus: 1 }
  println(a.owner)
end
