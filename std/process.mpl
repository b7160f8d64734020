## Process: identity, the name registry, links, monitors and exit signals.
##
## `spawn`, `send`, `receive`, `self()` and `link` are language syntax; this module holds
## everything else about processes.

## Why a process ended.
pub type ExitReason do
  ## The process's function returned.
  Normal
  ## Asked to stop (supervisor shutdown, `Process.stop(pid, Shutdown)`).
  Shutdown
  ## Killed (`Process.stop(pid, Killed)`); cannot be trapped.
  Killed
  ## The process did not exist (linking or monitoring a dead pid).
  Noproc
  ## A run-time error, with its message.
  Error(String)
end deriving(Eq, Display, Debug)

## System messages. Any actor may receive them in a `receive` arm, whatever its message type:
## `Exit` from a linked process when exits are trapped, `Down` from a monitored process.
pub type Signal do
  Exit(Pid, ExitReason)
  Down(Int, Pid, ExitReason)
end deriving(Eq, Display, Debug)

## Registers `pid` under `name` (node-local). 0 on success, 1 if the name is taken.
pub extern fn register(name :: String, pid :: Pid) -> Int

## The pid registered under `name`. An unknown name gives a pid that is not running: sending
## to it does nothing and service calls on it fail with a clear error.
pub extern fn whereis(name :: String) -> Pid

## The pid registered under `name`, if any.
pub extern fn lookup(name :: String) -> Option<Pid>

## Removes a registration. 0 on success, 1 if the name was not registered.
pub extern fn unregister(name :: String) -> Int

## Watches `pid`: when it ends, the caller receives `Down(ref, pid, reason)`. Returns `ref`.
pub extern fn monitor(pid :: Pid) -> Int

## Stops watching. 0 if the monitor existed, 1 otherwise.
pub extern fn demonitor(ref :: Int) -> Int

## With `true`, exit signals from linked processes arrive as `Exit(pid, reason)` messages
## instead of ending the caller (except `Killed`).
pub extern fn trap_exit(on :: Bool) -> ()

## Sends an exit signal with `reason` to `pid` (as if a linked process had ended).
pub extern fn stop(pid :: Pid, reason :: ExitReason) -> ()

## True while `pid` is running.
pub extern fn alive(pid :: Pid) -> Bool

## Ends the whole program now with exit code `code` (output is flushed first).
pub extern fn exit(code :: Int) -> ()

## The calling process (`self()` in the language).
extern fn self_pid() -> Pid

## Starts a process running `f(args…)` (`spawn(f, args…)` in the language).
extern fn spawn<F, A>(f :: F, args :: List<A>) -> Pid

## Puts `msg` in `pid`'s mailbox (`send(pid, msg)` in the language).
extern fn send<M>(pid :: Pid, msg :: M) -> ()

## Links the caller and `pid` (`link(pid)` in the language).
extern fn link(pid :: Pid) -> ()

## Runs `handler` when the calling process ends (an actor's `terminate` block).
extern fn on_exit<T>(handler :: Fun() -> T) -> ()
