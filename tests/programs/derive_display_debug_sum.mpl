# Derived Display/Debug of variants: `Started`, `Progress(3)`, `Failed(oops, true)`. Debug shows the
# fields too (the original printed a literal `Progress(...)`).
type Event do
  Started
  Progress(Int)
  Failed(reason :: String, retry :: Bool)
end deriving(Display, Debug)

fn main() do
  let es = [Started, Progress(3), Failed("oops", true)]
  for e in es do
    println("${e} | ${e.inspect()}")
  end
end
