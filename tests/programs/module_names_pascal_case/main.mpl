# Module names come from paths: snake_case parts become PascalCase; a nested main.mpl is ordinary.
import Ingestion.WsHandler
import Math.LinearAlgebra
import A.B.C.D
import Tools.Main

fn main() do
  println(WsHandler.name())
  println(LinearAlgebra.name())
  println(D.name())
  println(Main.name())
end
