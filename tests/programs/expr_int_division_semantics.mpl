# Integer `/` truncates toward zero and `%` takes the sign of the dividend.
fn main() do
  println("${7 / 2} ${-7 / 2} ${7 / -2} ${-7 / -2}")
  println("${7 % 2} ${-7 % 2} ${7 % -2} ${-7 % -2}")
  println("${0 / 5} ${5 % 5}")
end
