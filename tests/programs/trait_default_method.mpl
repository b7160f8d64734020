# Default interface methods are callable when an impl does not override them (REC Q23).
interface Greeter do
  fn name(self) -> String
  fn greet(self) -> String do
    "hello, " <> self.name()
  end
end

struct En do
  who :: String
end

struct Fr do
  who :: String
end

impl Greeter for En do
  fn name(self) -> String = self.who
end

impl Greeter for Fr do
  fn name(self) -> String = self.who
  fn greet(self) -> String do
    "bonjour, " <> self.who
  end
end

fn main() do
  println(En { who: "ann" }.greet())
  println(Fr { who: "luc" }.greet())
end
