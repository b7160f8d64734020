# A manual Display impl is used by interpolation and to_string.
struct Temp do
  deg :: Int
end

impl Display for Temp do
  fn to_string(self) -> String = "${self.deg}°"
end

fn main() do
  let t = Temp { deg: 21 }
  println("it is ${t}")
  println(t.to_string())
  println("${[t, Temp { deg: 5 }]}")
end
