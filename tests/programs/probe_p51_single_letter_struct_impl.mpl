# P51: `struct V` with `impl Add for V` is fine (REC: no single-letter duplicate-impl quirk).
struct V do
  x :: Float
end

impl Add for V do
  type Output = V
  fn add(self, o :: V) -> V = V { x: self.x + o.x }
end

fn main() do
  let v = V { x: 1.0 } + V { x: 0.5 }
  println("${v.x}")
end
