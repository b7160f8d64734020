## Math: numeric helpers.

## The ratio of a circle's circumference to its diameter. (Top-level constants of std
## modules are public: `Math.pi`.)
let pi :: Float = 3.141592653589793

## Absolute value of an Int or a Float (`Math.abs` of the smallest Int is a run-time
## error: the result would overflow).
pub extern fn abs<T>(x :: T) -> T where T: Neg

## The smaller of `a` and `b` (`a` when equal). A NaN operand is ignored (`x != x` only
## holds for NaN).
pub fn min<T>(a :: T, b :: T) -> T where T: Ord, T: Eq do
  if a != a do
    b
  else if b != b do
    a
  else if b < a do
    b
  else
    a
  end
end

## The larger of `a` and `b` (`a` when equal). A NaN operand is ignored.
pub fn max<T>(a :: T, b :: T) -> T where T: Ord, T: Eq do
  if a != a do
    b
  else if b != b do
    a
  else if a < b do
    b
  else
    a
  end
end

## `base` raised to `exp`.
pub extern fn pow(base :: Float, exp :: Float) -> Float

## Square root (NaN for negative numbers).
pub extern fn sqrt(x :: Float) -> Float

## Largest Int not above `x` (saturating; NaN gives 0).
pub extern fn floor(x :: Float) -> Int

## Smallest Int not below `x` (saturating; NaN gives 0).
pub extern fn ceil(x :: Float) -> Int

## Nearest Int, halves away from zero (saturating; NaN gives 0).
pub extern fn round(x :: Float) -> Int
