# Operator precedence levels of §4.4: * over +, + over <>, <> over .., comparisons over and/or.
fn main() do
  println("${1 + 2 * 3} ${(1 + 2) * 3} ${10 - 4 - 3} ${2 * 3 % 4}")
  println("${1 + 1 < 3 and 2 * 2 == 4} ${true or false and false} ${not true or true}")
  println("a" <> "b" <> "${1 + 2}")
  let xs = for i in 1 + 1..2 * 3 do i end
  println("${xs}")
  println("${1 < 2 == true}")
end
