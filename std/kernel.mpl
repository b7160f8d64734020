## Kernel: run-time operations the compiler uses behind the language's back (not for
## direct use: `x.hash()` calls `hash`).

## The structural hash of any value (derived `Hash`).
extern fn hash<T>(x :: T) -> Int
