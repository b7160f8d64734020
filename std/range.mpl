## Range: the half-open interval of Ints `[start, stop)`.

## A range value. Build it with `Range.new(start, stop)`.
pub struct Range do
  start :: Int
  stop :: Int
end

## The range `[a, b)` (empty when `b <= a`).
pub fn new(a :: Int, b :: Int) -> Range do
  Range { start: a, stop: b }
end

## The Ints of the range, in order.
pub fn to_list(r :: Range) -> List<Int> do
  for i in r.start..r.stop do
    i
  end
end

## `f` applied to every Int of the range, in order.
pub fn map<T>(r :: Range, f :: Fun(Int) -> T) -> List<T> do
  for i in r.start..r.stop do
    f(i)
  end
end

## The Ints of the range for which `p` is true, in order.
pub fn filter(r :: Range, p :: Fun(Int) -> Bool) -> List<Int> do
  for i in r.start..r.stop when (p(i)) do
    i
  end
end

## Number of Ints in the range: `max(0, stop - start)`.
pub fn length(r :: Range) -> Int do
  if r.stop > r.start do
    r.stop - r.start
  else
    0
  end
end
