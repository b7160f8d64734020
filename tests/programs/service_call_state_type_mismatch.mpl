# A call handler must return (new_state, reply) with new_state of the state type.
service S do
  fn init() -> Int do
    0
  end

  call Get() :: Int do |s|
    ("not state", s)
  end
end

fn main() do
  println("x")
end
