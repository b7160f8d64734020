# File.append creates a missing file; File.delete of a missing file is an Err.
fn main() do
  let path = "/tmp/mesh_corpus_std_file_append_creates.txt"
  let _ = File.delete(path)
  let _ = File.append(path, "a")
  let _ = File.append(path, "b")
  case File.read(path) do
    Ok(t) -> println(t)
    Err(e) -> println(e)
  end
  let _ = File.delete(path)
  case File.delete(path) do
    Ok(_) -> println("deleted twice?")
    Err(e) -> println("second delete: " <> e)
  end
end
