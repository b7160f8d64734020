# Float arithmetic follows IEEE-754; `%` on floats is fmod; Display drops a trailing `.0`.
fn main() do
  println("${7.5 % 2.0} ${-7.5 % 2.0} ${2.0 % 1.0}")
  println("${1.0 / 4.0} ${10.0 / 4.0} ${-0.5 * 3.0}")
  println("${1.0 / 0.0} ${0.0 - 1.0 / 0.0}")
  println("${2.0 * 3.0}")
end
