# A newline inside `${…}` is insignificant (REC of §1.7.3).
fn main() do
  println("sum ${1 +
    2} end")
end
