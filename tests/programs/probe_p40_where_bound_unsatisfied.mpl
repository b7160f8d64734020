# P40: a `where T: Display` bound with a type lacking Display is E0006.
fn show<T>(x :: T) -> String where T: Display do
  "${x}"
end

struct Person do
  name :: String
end

fn main() do
  let p = Person { name: "a" }
  println(show(p))
end
