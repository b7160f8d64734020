# Generated client names: handler names converted to snake_case letter by letter (type-checked only).
service KVStore do
  fn init() -> Int do
    0
  end

  call HTTPStatus() :: Int do |s|
    (s, 1)
  end

  call GetCount() :: Int do |s|
    (s, s)
  end

  call Get2Items() do |s|
    (s, [s, s])
  end

  cast IncrementEventCount(by :: Int) do |s|
    s + by
  end
end

fn use_store() -> Int do
  let pid :: Pid<()> = KVStore.start()
  let a :: Int = KVStore.h_t_t_p_status(pid)
  let b :: Int = KVStore.get_count(pid)
  let xs :: List<Int> = KVStore.get2_items(pid)
  let u :: () = KVStore.increment_event_count(pid, 1)
  let _ = u
  a + b + List.length(xs)
end

fn main() do
  println("checked")
end
