# Imports may appear anywhere at top level; a trailing comma before a newline is tolerated.
fn main() do
  println(shout("a") <> whisper("B"))
end

from Util.Text import shout, whisper,
