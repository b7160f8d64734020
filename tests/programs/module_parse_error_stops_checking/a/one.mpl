pub fn one() -> Int do
  let = 1
end
