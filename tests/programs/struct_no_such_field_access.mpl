# Reading a field the struct does not have is E0009 ("has no field").
struct Account do
  owner :: String
end

fn main() do
  let a = Account { owner: "ana" }
  println(a.name)
end
