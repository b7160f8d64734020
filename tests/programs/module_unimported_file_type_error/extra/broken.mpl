pub fn bad() -> Int do
  "not an int"
end
