# A user type named with one uppercase letter is an ordinary type (P51: no bogus duplicate impl).
struct V do
  x :: Float
end

impl Add for V do
  type Output = V
  fn add(self, other :: V) -> V do
    V { x: self.x + other.x }
  end
end

fn main() do
  let v = V { x: 1.5 } + V { x: 2.0 }
  println("${v.x}")
end
