# `let` shadowing creates a new binding; the old one is unchanged where captured.
fn main() do
  let n = 10
  let get_old = fn -> n end
  let n = n + 1
  let n = "now a string ${n}"
  println(n)
  println("${get_old()}")
end
