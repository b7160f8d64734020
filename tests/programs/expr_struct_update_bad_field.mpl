# Struct update with a field the struct does not have is an error.
struct Account do
  balance :: Int
end

fn main() do
  let a = Account { balance: 1 }
  let b = %{a | bonus: 5}
  println("${b.balance}")
end
