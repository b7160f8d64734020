from A.One import one

pub fn two() -> Int do
  2
end
