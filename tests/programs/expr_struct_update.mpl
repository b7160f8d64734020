# Struct update `%{base | f: e, …}` copies the base with some fields replaced.
struct Account do
  owner :: String
  balance :: Int
  active :: Bool
end

fn main() do
  let a = Account { owner: "ana", balance: 10, active: false }
  let b = %{a | balance: a.balance + 5}
  let c = %{b | active: true, owner: "bo"}
  println("${a.owner} ${a.balance} ${a.active}")
  println("${b.owner} ${b.balance} ${b.active}")
  println("${c.owner} ${c.balance} ${c.active}")
end
