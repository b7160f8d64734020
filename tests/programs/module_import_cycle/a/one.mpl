from B.Two import two

pub fn one() -> Int do
  1
end
