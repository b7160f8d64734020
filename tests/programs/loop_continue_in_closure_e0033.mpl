# `continue` cannot cross a closure boundary (E0033), even inside a loop.
fn main() do
  for x in [1, 2] do
    let f = fn -> continue end
    f()
  end
end
