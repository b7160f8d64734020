pub fn one() -> Int do
  1 + "x"
end
