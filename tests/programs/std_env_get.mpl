# Env.get returns Some(value) for a set variable and None for an unset one.
fn main() do
  case Env.get("PATH") do
    Some(p) -> println("PATH set: ${String.length(p) > 0}")
    None -> println("PATH unset")
  end
  case Env.get("MESH_CORPUS_SURELY_UNSET_VARIABLE") do
    Some(_) -> println("set")
    None -> println("unset")
  end
end
