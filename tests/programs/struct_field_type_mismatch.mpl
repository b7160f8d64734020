# A struct literal field value must have the declared field type.
struct Account do
  balance :: Int
end

fn main() do
  let a = Account { balance: "lots" }
  println("${a.balance}")
end
