## Tuple: accessors of pairs. (Other tuples are taken apart with patterns:
## `let (a, b, c) = t`.)

## The first element of a pair.
pub fn first<A, B>(t :: (A, B)) -> A do
  let (a, _) = t
  a
end

## The second element of a pair.
pub fn second<A, B>(t :: (A, B)) -> B do
  let (_, b) = t
  b
end
