# Triple-quoted strings keep their content verbatim (newlines, lone quotes) and interpolate.
fn main() do
  let who = "team"
  let block = """
  line one "quoted" and ""two""
  line two ${who}
"""
  print(block)
  println("""one line""")
  println("${String.length("""a"b""")}")
end
