# Calling a bounded function with a type that lacks the trait is E0006 (P40).
fn show<T>(x :: T) -> String where T: Display do
  "${x}"
end

struct Person do
  name :: String
end deriving(Eq)

fn main() do
  println(show(Person { name: "a" }))
end
