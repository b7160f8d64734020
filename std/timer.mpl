## Timer: clocks (and, with processes, sleeping and delayed messages).

## Milliseconds on a monotonic clock (only differences are meaningful).
pub extern fn now_ms() -> Int

## Microseconds on a monotonic clock (only differences are meaningful).
pub extern fn now_us() -> Int

## Suspends the calling process for `ms` milliseconds (`ms <= 0` returns at once). Other
## processes keep running.
pub extern fn sleep(ms :: Int) -> ()

## Delivers `msg` to `pid` after `ms` milliseconds (`ms <= 0`: at once). The program keeps
## running while a delayed message is pending.
pub extern fn send_after<T>(pid :: Pid<T>, ms :: Int, msg :: T) -> ()
