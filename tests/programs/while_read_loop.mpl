# `while` runs until its condition is false or `break`; here driven by standard input.
fn main() do
  let w = while false do 1 end
  let _u :: () = w
  while true do
    let line = IO.read_line()
    case line do
      Ok("") -> break
      Ok("skip") -> continue
      Ok(text) -> println("got " <> text)
      Err(e) -> println(e)
    end
  end
  println("end")
end
