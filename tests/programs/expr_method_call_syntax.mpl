# Method-call syntax falls back to the stdlib module of String/List/Map receivers.
fn main() do
  println("${"abc".length()} ${[1, 2, 3].length()} ${"a,b".split(",")}")
  println("${%{1 => 2}.size()} ${" x ".trim()}!")
  println("${[3, 1].reverse()} ${"Hi".to_upper()} ${5.to_string()}")
end
