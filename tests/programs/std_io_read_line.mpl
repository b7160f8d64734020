# IO.read_line strips the line ending (also \r\n) and returns Ok("") at end of input.
fn main() do
  let a = IO.read_line()
  let b = IO.read_line()
  let c = IO.read_line()
  let d = IO.read_line()
  for r in [a, b, c, d] do
    case r do
      Ok(line) -> println("[" <> line <> "] ${String.length(line)}")
      Err(e) -> println("error " <> e)
    end
  end
end
