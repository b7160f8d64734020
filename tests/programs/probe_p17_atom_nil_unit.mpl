# P17: `:hello` is an Atom; `nil` and `()` are the unit value.
fn main() do
  let at :: Atom = :hello
  let n :: () = nil
  let u :: () = ()
  let _ = (at, n, u)
  println("${n == u}")
end
