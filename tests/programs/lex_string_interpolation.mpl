# Interpolation splices the Display text of any expression; a lone `$` is plain text.
fn main() do
  let who = "team"
  println("hi ${who}, total = ${2 * 21}")
  println("${1 < 2} ${2.5} ${[1, 2, 3]}")
  println("price $5 and $ alone and ${"$"}")
  println("${who}${who}")
  println("${ who }")
  println("")
end
