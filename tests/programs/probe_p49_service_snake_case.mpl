# P49: `call HTTPStatus()` generates the client `KVStore.h_t_t_p_status(pid) : Int` (type-checked only).
service KVStore do
  fn init() -> Int do
    0
  end

  call HTTPStatus() :: Int do |s|
    (s, 1)
  end
end

fn status(pid) -> Int do
  KVStore.h_t_t_p_status(pid)
end

fn main() do
  println("checked")
end
