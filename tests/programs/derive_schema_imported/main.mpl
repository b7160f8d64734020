# Schema functions are callable in a module that imports the struct by name.
from Types.Project import Project

fn main() do
  println(Project.__table__())
  println("${Project.__fields__()}")
  let p = Project { id: "1", name: "mesh" }
  println(Json.encode(p))
end
