# A call handler's reply must match its `:: Reply` annotation.
service S do
  fn init() -> Int do
    0
  end

  call Get() :: String do |s|
    (s, s)
  end
end

fn main() do
  println("x")
end
