# P39: an interface default method not overridden by the impl is callable (REC).
interface Loud do
  fn name(self) -> String
  fn shout(self) -> String do
    String.to_upper(self.name()) <> "!"
  end
end

struct Person do
  label :: String
end

impl Loud for Person do
  fn name(self) -> String = self.label
end

fn main() do
  let p = Person { label: "ann" }
  println(p.shout())
end
