# 100 processes call one service concurrently, 50 calls each: every call gets its own
# reply (replies never cross between callers) and no update is lost.
service Bank do
  fn init() -> Map<Int, Int> do
    %{}
  end

  call Deposit(who :: Int, amount :: Int) :: Int do |st|
    let before = if Map.has_key(st, who) do Map.get(st, who) else 0 end
    (Map.put(st, who, before + amount), before + amount)
  end

  call Total() :: Int do |st|
    (st, List.reduce(Map.values(st), 0, fn acc, v -> acc + v end))
  end
end

fn deposits(bank :: Pid, who :: Int, i :: Int, n :: Int, bad :: Int) -> Int do
  if i < n do
    let balance = Bank.deposit(bank, who, 1)
    deposits(bank, who, i + 1, n, if balance == i + 1 do bad else bad + 1 end)
  else
    bad
  end
end

actor caller(bank :: Pid, who :: Int, report :: Pid) do
  send(report, deposits(bank, who, 0, 50, 0))
end

actor collect(bank :: Pid, left :: Int, bad :: Int) do
  if left == 0 do
    done(bank, bad, self())
  else
    receive do
      b -> collect(bank, left - 1, bad + b)
    end
  end
end

fn done<T>(bank :: Pid, bad :: Int, v :: T) -> T do
  println("wrong replies: ${bad}")
  println("total: ${Bank.total(bank)}")
  v
end

fn start_callers(bank :: Pid, i :: Int, report :: Pid) -> Int do
  if i < 100 do
    let _ = spawn(caller, bank, i, report)
    start_callers(bank, i + 1, report)
  else
    i
  end
end

actor run() do
  let bank = Bank.start()
  let _ = start_callers(bank, 0, self())
  collect(bank, 100, 0)
end

fn main() do
  let _ = spawn(run)
end
