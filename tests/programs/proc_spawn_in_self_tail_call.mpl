# A chain of processes built by a self tail call whose argument spawns the next link from
# the current one (`build(i - 1, spawn(node, next))`): the argument reads the parameter it
# replaces, so it must not be computed in that parameter's register.
actor node(next :: Pid<Int>) do
  receive do
    k -> node(forward(next, k))
  end
end

fn forward(next :: Pid<Int>, k :: Int) -> Pid<Int> do
  send(next, k + 1)
  next
end

fn build(i :: Int, next :: Pid<Int>) -> Pid<Int> do
  if i == 0 do next else build(i - 1, spawn(node, next)) end
end

actor last() do
  receive do
    k -> println("the token went through ${k} processes")
  end
end

fn main() do
  let first = build(50, spawn(last))
  send(first, 0)
end
