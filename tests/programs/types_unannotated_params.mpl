# Unannotated parameters are inferred from their uses (stdlib calls, fields, operators).
struct User do
  name :: String
  age :: Int
end

fn to_csv(items) do
  String.join(items, ",")
end

fn older(u :: User, years) do
  User { name: u.name, age: u.age + years }
end

fn total(xs) = List.reduce(xs, 0, fn(acc, x) -> acc + x end)

fn main() do
  let u = older(User { name: "bo", age: 40 }, 2)
  println(to_csv(["a", "b"]) <> " ${u.age} ${total([1, 2, 3])}")
end
