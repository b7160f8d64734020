# exit: 0
# IO.eprintln writes a line to standard error; println to standard output.
fn main() do
  println("to stdout")
  IO.eprintln("to stderr")
  IO.eprintln("")
end
