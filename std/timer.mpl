## Timer: clocks (and, with processes, sleeping and delayed messages).

## Milliseconds on a monotonic clock (only differences are meaningful).
pub extern fn now_ms() -> Int

## Microseconds on a monotonic clock (only differences are meaningful).
pub extern fn now_us() -> Int
