## Set: immutable sets of any element type, with structural equality. Iteration
## (`to_list`, `for x in s`, Display) follows insertion order.

## An empty set.
pub extern fn new<T>() -> Set<T>

## `s` with `x` added (unchanged if already present).
pub extern fn add<T>(s :: Set<T>, x :: T) -> Set<T>

## `s` without `x` (unchanged if missing); the other elements keep their order.
pub extern fn remove<T>(s :: Set<T>, x :: T) -> Set<T>

## True if `x` is an element of `s`.
pub extern fn contains<T>(s :: Set<T>, x :: T) -> Bool

## Number of elements.
pub extern fn size<T>(s :: Set<T>) -> Int

## The elements of `a` in order, then those of `b` not in `a`.
pub extern fn union<T>(a :: Set<T>, b :: Set<T>) -> Set<T>

## The elements of `a` that are also in `b`, in `a`'s order.
pub extern fn intersection<T>(a :: Set<T>, b :: Set<T>) -> Set<T>

## The elements of `a` that are not in `b`, in `a`'s order.
pub extern fn difference<T>(a :: Set<T>, b :: Set<T>) -> Set<T>

## The elements, in insertion order.
pub extern fn to_list<T>(s :: Set<T>) -> List<T>

## A set of the list's elements (duplicates dropped).
pub extern fn from_list<T>(xs :: List<T>) -> Set<T>

fn collect_into<T>(it :: Iter<T>, acc :: Set<T>) -> Set<T> do
  let pull = it.next
  let pulled = pull()
  case pulled do
    Some((x, rest)) -> collect_into(rest, add(acc, x))
    None -> acc
  end
end

## A set of the elements an iterator yields.
pub fn collect<T>(it :: Iter<T>) -> Set<T> do
  collect_into(it, new())
end
