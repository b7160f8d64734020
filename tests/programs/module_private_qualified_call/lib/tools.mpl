pub fn visible() -> Int do
  hidden() + 1
end

fn hidden() -> Int do
  1
end
