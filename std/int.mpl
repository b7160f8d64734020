## Int: conversions of 64-bit integers.

## The nearest Float (exact up to 2^53).
pub extern fn to_float(i :: Int) -> Float
