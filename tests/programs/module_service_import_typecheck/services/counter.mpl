service Counter do
  fn init(start :: Int) -> Int do
    start
  end

  call GetCount() :: Int do |n|
    (n, n)
  end

  cast Bump(by :: Int) do |n|
    n + by
  end
end
