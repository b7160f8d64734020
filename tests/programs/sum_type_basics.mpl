# Sum types: nullary, positional and named-field variants; bare and qualified constructors.
type Event do
  Started
  Progress(Int)
  Failed(reason :: String, retry :: Bool)
end

fn text(e :: Event) -> String do
  case e do
    Started -> "started"
    Progress(p) -> "progress ${p}"
    Failed(why, true) -> "failed (retry): " <> why
    Event.Failed(why, false) -> "failed: " <> why
  end
end

fn main() do
  let es = [Started, Event.Progress(50), Failed("disk", true), Event.Failed("net", false), Event.Started]
  for e in es do
    println(text(e))
  end
end
