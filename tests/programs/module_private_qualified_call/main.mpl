# A private function is not reachable through a qualified import either.
import Lib.Tools

fn main() do
  println("${Tools.visible()}")
  println("${Tools.hidden()}")
end
