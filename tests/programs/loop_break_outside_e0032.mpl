# `break` outside of a loop is E0032.
fn main() do
  break
end
