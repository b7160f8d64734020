## Service: the run-time half of `service` declarations (language.md §12.4). Programs do
## not call these directly: the checker generates `S.start`, the client functions and the
## service's request loop, which use them.
##
## A service is a process looping in `receive` over requests `(tag, reply_to, args)`,
## where `args` is `()`, the handler's single argument, or a tuple of its arguments.

## Sends the request `(tag, reply_to, args)` to `pid` and waits for the reply. Fails the
## caller when no reply comes within 5000 ms, when `pid` is not running, or when the
## service ends before replying (the message names its exit reason).
extern fn call<A, R>(pid :: Pid, tag :: Int, args :: A) -> R

## Sends the request `(tag, (), args)` to `pid` and returns at once.
extern fn cast<A>(pid :: Pid, tag :: Int, args :: A) -> ()

## Answers the call whose request carried `reply_to`.
extern fn reply<H, R>(reply_to :: H, value :: R) -> ()
