# File.write/read/append/exists/delete on a temporary path; reading a missing file is an Err.
fn report(r :: ()!String) -> String do
  case r do
    Ok(_) -> "ok"
    Err(e) -> "err " <> e
  end
end

fn main() do
  let path = "/tmp/mesh_corpus_std_file_roundtrip.txt"
  let _ = File.delete(path)
  println("exists before: ${File.exists(path)}")
  println(report(File.write(path, "hello\n")))
  println(report(File.append(path, "world\n")))
  println("exists after: ${File.exists(path)}")
  case File.read(path) do
    Ok(text) -> print(text)
    Err(e) -> println(e)
  end
  println(report(File.write(path, "over")))
  case File.read(path) do
    Ok(text) -> println(text)
    Err(e) -> println(e)
  end
  println(report(File.delete(path)))
  println("exists at end: ${File.exists(path)}")
  case File.read(path) do
    Ok(_) -> println("unexpected")
    Err(e) -> println(e)
  end
  println("dir exists: ${File.exists("/tmp")}")
end
