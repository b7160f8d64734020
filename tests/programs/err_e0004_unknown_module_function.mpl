# An unknown function of a stdlib module is reported.
fn main() do
  println("${String.lenght("abc")}")
end
