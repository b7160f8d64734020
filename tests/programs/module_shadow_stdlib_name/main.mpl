# A user module whose last segment is a stdlib name shadows it only for the functions it defines.
import Text.String

fn main() do
  println(String.shout("hey"))
  println("${String.length("hey")}")
end
