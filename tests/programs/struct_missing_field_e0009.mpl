# A struct literal missing a field is E0009.
struct Account do
  owner :: String
  balance :: Int
end

fn main() do
  let a = Account { owner: "ana" }
  println(a.owner)
end
