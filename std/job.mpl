## Job: futures on top of processes (stdlib.md §15.3).
##
## A job runs a function in its own process. Its result is kept for `await` (which takes
## only that job's result, never another message, and works in `main` too). A job is not
## linked to its caller: if it crashes, `await` returns `Err` with the reason (the error's
## message, `killed` or `shutdown`) and the caller keeps running.

## Starts `f()` in a new process; its pid is the handle to await.
pub extern fn async<T>(f :: Fun() -> T) -> Pid<T>

## Waits for the job's result.
pub extern fn await<T>(pid :: Pid<T>) -> T!String

## Waits at most `ms` milliseconds for the job's result: `Err("timeout")` if it is not
## ready by then (the job keeps running; it can be awaited again).
pub extern fn await_timeout<T>(pid :: Pid<T>, ms :: Int) -> T!String

## Runs `f` on every element in its own job, all at once; the results in input order.
pub fn map<A, B>(xs :: List<A>, f :: Fun(A) -> B) -> List<B!String> do
  let jobs = List.map(xs, fn x -> async(fn -> f(x) end) end)
  List.map(jobs, fn j -> await(j) end)
end
