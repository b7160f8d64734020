## Float: conversions of 64-bit IEEE floats.

## Truncates toward zero; saturates at the Int range; NaN gives 0.
pub extern fn to_int(f :: Float) -> Int

## Same as `Int.to_float`.
pub extern fn from(i :: Int) -> Float
