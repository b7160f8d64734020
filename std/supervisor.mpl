## Supervisor: the run-time half of `supervisor` declarations (language.md §12.3).
##
## A `supervisor Sup do … end` declaration compiles to a function calling `run` with its
## strategy, restart limits and child specs; `spawn(Sup)` runs it in its own process. The
## supervisor traps exits, starts its children in order (each start function spawns the
## child; the supervisor links to it) and then waits for their `Exit` signals:
##
## * restart types: `permanent` children are always restarted, `transient` ones only after
##   an abnormal exit (not `Normal` or `Shutdown`), `temporary` ones never;
## * strategies: `one_for_one` (and `simple_one_for_one`) restarts the child that ended;
##   `one_for_all` stops all other children (in reverse start order) and restarts them all;
##   `rest_for_one` stops and restarts the children started after it;
## * intensity: more than `max_restarts` restarts within `max_seconds` stop every child
##   and end the supervisor with `Error("reached maximum restart intensity")`;
## * stopping a child: `Process.stop(child, Shutdown)`, then up to `shutdown` ms for its
##   `Exit` before `Killed`; a shutdown of -1 (`brutal_kill`) kills at once.
##
## An `Exit` from a linked process that is not a child (the supervisor's own parent, for
## a nested supervisor) with any reason but `Normal` stops the children and ends the
## supervisor with that reason.

from Process import Exit, ExitReason, Normal, Shutdown, Killed, Error

## What to do once children have been stopped.
type Then do
  ## Start the children from this index on that are not running (temporary ones only
  ## when `initial`).
  RestartFrom(Int)
  ## End the supervisor with this reason.
  Quit(ExitReason)
end

## The supervisor's state.
struct Sup do
  strategy :: String
  max_restarts :: Int
  max_seconds :: Int
  ## Child specs: (name, start function, restart type, shutdown ms or -1).
  specs :: List<(String, Fun() -> Pid, String, Int)>
  ## The running child of each spec, by index.
  pids :: List<Option<Pid>>
  ## When recent restarts happened (monotonic ms).
  restarts :: List<Int>
end

## Runs a supervisor in the calling process (which it never leaves).
pub fn run(strategy :: String, max_restarts :: Int, max_seconds :: Int, children :: List<(String, Fun() -> Pid, String, Int)>) do
  Process.trap_exit(true)
  let none :: Option<Pid> = None
  let sup = Sup { strategy: strategy, max_restarts: max_restarts, max_seconds: max_seconds, specs: children, pids: List.map(children, fn _ -> none end), restarts: [] }
  supervise(start_from(sup, 0, true))
end

## `xs` with element `i` replaced by `v`.
fn replace_at<T>(xs :: List<T>, i :: Int, v :: T) -> List<T> do
  List.concat(List.append(List.take(xs, i), v), List.drop(xs, i + 1))
end

## Starts child `i` and links to it.
fn start_child(sup :: Sup, i :: Int) -> Sup do
  let (_name, start, _restart, _shutdown) = List.get(sup.specs, i)
  let pid = start()
  link(pid)
  %{sup | pids: replace_at(sup.pids, i, Some(pid))}
end

## Starts the children from `i` on that are not running; temporary ones only when
## `initial` (a temporary child is never restarted).
fn start_from(sup :: Sup, i :: Int, initial :: Bool) -> Sup do
  if i < List.length(sup.specs) do
    let (_name, _start, restart, _shutdown) = List.get(sup.specs, i)
    let wanted = initial || restart != "temporary"
    case List.get(sup.pids, i) do
      Some(_) -> start_from(sup, i + 1, initial)
      None -> if wanted do start_from(start_child(sup, i), i + 1, initial) else start_from(sup, i + 1, initial) end
    end
  else
    sup
  end
end

## The index of `pid` among the running children.
fn index_of(pids :: List<Option<Pid>>, pid :: Pid, i :: Int) -> Option<Int> do
  if i < List.length(pids) do
    case List.get(pids, i) do
      Some(p) -> if p == pid do Some(i) else index_of(pids, pid, i + 1) end
      None -> index_of(pids, pid, i + 1)
    end
  else
    None
  end
end

## Indices of the running children from `from` on, last first (the order to stop them).
fn running_from(pids :: List<Option<Pid>>, from :: Int) -> List<Int> do
  running_down(pids, List.length(pids) - 1, from, [])
end

fn running_down(pids :: List<Option<Pid>>, i :: Int, from :: Int, acc :: List<Int>) -> List<Int> do
  if i < from do
    acc
  else
    case List.get(pids, i) do
      Some(_) -> running_down(pids, i - 1, from, List.append(acc, i))
      None -> running_down(pids, i - 1, from, acc)
    end
  end
end

## The supervision loop: waits for exit signals (and drops any other message, which would
## otherwise pile up in the mailbox).
actor supervise(sup :: Sup) do
  receive do
    Exit(pid, reason) -> on_exit_signal(sup, pid, reason)
    _ -> supervise(sup)
  end
end

fn on_exit_signal(sup :: Sup, pid :: Pid, reason :: ExitReason) do
  case index_of(sup.pids, pid, 0) do
    Some(i) -> child_exited(sup, i, reason)
    None -> if reason == Normal do supervise(sup) else stop_children(sup, running_from(sup.pids, 0), Quit(reason)) end
  end
end

fn child_exited(sup :: Sup, i :: Int, reason :: ExitReason) do
  let (_name, _start, restart, _shutdown) = List.get(sup.specs, i)
  let none :: Option<Pid> = None
  let sup1 = %{sup | pids: replace_at(sup.pids, i, none)}
  let again = restart == "permanent" || (restart == "transient" && reason != Normal && reason != Shutdown)
  if again do
    let now = Timer.now_ms()
    let window = sup.max_seconds * 1000
    let recent = List.filter(sup1.restarts, fn t -> now - t < window end)
    let sup2 = %{sup1 | restarts: List.append(recent, now)}
    if List.length(sup2.restarts) > sup.max_restarts do
      give_up(sup2)
    else
      restart_child(sup2, i)
    end
  else
    supervise(sup1)
  end
end

## Restarts after child `i` ended, per the strategy.
fn restart_child(sup :: Sup, i :: Int) do
  if sup.strategy == "one_for_all" do
    stop_children(sup, running_from(sup.pids, 0), RestartFrom(0))
  else if sup.strategy == "rest_for_one" do
    stop_children(sup, running_from(sup.pids, i + 1), RestartFrom(i))
  else
    supervise(start_child(sup, i))
  end
end

## Too many restarts: stop everything and end with an error.
actor give_up(sup :: Sup) do
  IO.eprintln("supervisor ${self()}: more than ${sup.max_restarts} restarts within ${sup.max_seconds} s; shutting down")
  stop_children(sup, running_from(sup.pids, 0), Quit(Error("reached maximum restart intensity")))
end

## Stops the children at indices `todo`, in order, then goes on with `next`.
actor stop_children(sup :: Sup, todo :: List<Int>, next :: Then) do
  case todo do
    i :: rest -> stop_child(sup, i, rest, next)
    _ -> after_stopping(sup, next)
  end
end

## Stops child `i` (if running), then the children at `rest`.
actor stop_child(sup :: Sup, i :: Int, rest :: List<Int>, next :: Then) do
  let (_name, _start, _restart, shutdown) = List.get(sup.specs, i)
  let none :: Option<Pid> = None
  let sup1 = %{sup | pids: replace_at(sup.pids, i, none)}
  case List.get(sup.pids, i) do
    Some(pid) -> if shutdown < 0 do
      kill_child(sup1, pid, rest, next)
    else
      Process.stop(pid, Shutdown)
      receive do
        Exit(p, _) when p == pid -> stop_children(sup1, rest, next)
      after shutdown -> kill_child(sup1, pid, rest, next)
      end
    end
    None -> stop_children(sup1, rest, next)
  end
end

## Kills `pid` and waits for its exit signal.
actor kill_child(sup :: Sup, pid :: Pid, rest :: List<Int>, next :: Then) do
  Process.stop(pid, Killed)
  receive do
    Exit(p, _) when p == pid -> stop_children(sup, rest, next)
  end
end

fn after_stopping(sup :: Sup, next :: Then) do
  case next do
    RestartFrom(i) -> supervise(start_from(sup, i, false))
    Quit(reason) -> quit(reason)
  end
end

## Ends the supervisor with `reason`.
actor quit(reason :: ExitReason) do
  Process.trap_exit(false)
  Process.stop(self(), reason)
end
