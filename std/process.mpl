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

## Registers `pid` under `name` (node-local). 0 on success, 1 if the name is taken or the
## process is not running. A process may have several names; they are released when it
## ends.
pub extern fn register(name :: String, pid :: Pid) -> Int

## The pid registered under `name`. An unknown name gives a pid that is not running: sending
## to it does nothing and service calls on it fail with a clear error.
pub extern fn whereis(name :: String) -> Pid

## The pid registered under `name`, if any.
pub extern fn lookup(name :: String) -> Option<Pid>

## Removes a registration. 0 on success, 1 if the name was not registered.
pub extern fn unregister(name :: String) -> Int

## Watches `pid`: when it ends, the caller receives `Down(ref, pid, reason)` (once).
## Returns `ref`. A pid that is not running gives `Down(ref, pid, Noproc)` at once.
pub extern fn monitor(pid :: Pid) -> Int

## Stops watching. 0 if the monitor existed, 1 otherwise.
pub extern fn demonitor(ref :: Int) -> Int

## With `true`, exit signals from linked processes arrive as `Exit(pid, reason)` messages
## instead of ending the caller (a `Normal` exit is then visible too). Only a kill sent
## with `stop(pid, Killed)` cannot be trapped; a linked process that *died* `Killed`
## arrives as an ordinary `Exit(pid, Killed)`.
pub extern fn trap_exit(on :: Bool) -> ()

## Sends an exit signal with `reason` to `pid` (as if a linked process had ended): a
## process that traps exits receives `Exit(self, reason)`; otherwise `Normal` is ignored
## and any other reason ends it. `Killed` always ends it. A process stopping itself ends
## at once, even with `Normal`. It takes effect while the target sleeps, waits in
## `receive` or waits for I/O.
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

## Links the caller and `pid` (`link(pid)` in the language): when either ends, the other
## gets an exit signal with its reason. Linking a pid that is not running sends the caller
## a `Noproc` exit signal at once.
extern fn link(pid :: Pid) -> ()

## Runs `handler` when the calling process ends, whatever the reason (an actor's
## `terminate` block); a later call replaces the handler.
extern fn on_exit<T>(handler :: Fun() -> T) -> ()
