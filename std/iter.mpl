## Iter: lazy iterators.
##
## An `Iter<T>` is a persistent value: pulling from it (`Iter.next`) returns the element
## and the iterator of the remaining elements, and leaves the original unchanged, so an
## iterator can be consumed twice with the same result. Adapters (`map`, `filter`, `take`,
## …) do no work until elements are pulled. Terminal collectors live on the target
## modules: `List.collect`, `Map.collect`, `Set.collect`, `String.collect`.
##
## This module depends on no other standard module (the List modules depend on it).

## An iterator: `next` yields `Some((element, rest))` or `None` when exhausted.
pub struct Iter<T> do
  next :: Fun() -> Option<(T, Iter<T>)>
end

extern fn __list_length<T>(xs :: List<T>) -> Int

extern fn __list_get<T>(xs :: List<T>, i :: Int) -> T

## Pulls one element: `Some((element, rest))`, or `None` when the iterator is exhausted.
pub fn next<T>(it :: Iter<T>) -> Option<(T, Iter<T>)> do
  let step = it.next
  step()
end

fn from_index<T>(xs :: List<T>, i :: Int, n :: Int) -> Iter<T> do
  let step = fn do
    if i < n do
      Some((__list_get(xs, i), from_index(xs, i + 1, n)))
    else
      None
    end
  end
  Iter { next: step }
end

## An iterator over the elements of a list, in order.
pub fn from<T>(xs :: List<T>) -> Iter<T> do
  from_index(xs, 0, __list_length(xs))
end

## Lazily applies `f` to every element.
pub fn map<T, U>(it :: Iter<T>, f :: Fun(T) -> U) -> Iter<U> do
  let step = fn do
    let pull = it.next
    let pulled = pull()
    case pulled do
      Some((x, rest)) -> Some((f(x), map(rest, f)))
      None -> None
    end
  end
  Iter { next: step }
end

fn next_matching<T>(it :: Iter<T>, p :: Fun(T) -> Bool) -> Option<(T, Iter<T>)> do
  let pull = it.next
  let pulled = pull()
  case pulled do
    Some((x, rest)) when p(x) -> Some((x, rest))
    Some((_, rest)) -> next_matching(rest, p)
    None -> None
  end
end

## Lazily keeps the elements for which `p` is true.
pub fn filter<T>(it :: Iter<T>, p :: Fun(T) -> Bool) -> Iter<T> do
  let step = fn do
    let found = next_matching(it, p)
    case found do
      Some((x, rest)) -> Some((x, filter(rest, p)))
      None -> None
    end
  end
  Iter { next: step }
end

## At most the first `n` elements (none when `n <= 0`).
pub fn take<T>(it :: Iter<T>, n :: Int) -> Iter<T> do
  let step = fn do
    if n <= 0 do
      None
    else
      let pull = it.next
      let pulled = pull()
      case pulled do
        Some((x, rest)) -> Some((x, take(rest, n - 1)))
        None -> None
      end
    end
  end
  Iter { next: step }
end

fn next_after<T>(it :: Iter<T>, n :: Int) -> Option<(T, Iter<T>)> do
  let pull = it.next
  let pulled = pull()
  if n <= 0 do
    pulled
  else
    case pulled do
      Some((_, rest)) -> next_after(rest, n - 1)
      None -> None
    end
  end
end

## All but the first `n` elements (skipped on the first pull).
pub fn skip<T>(it :: Iter<T>, n :: Int) -> Iter<T> do
  let step = fn do
    next_after(it, n)
  end
  Iter { next: step }
end

fn enumerate_from<T>(it :: Iter<T>, i :: Int) -> Iter<(Int, T)> do
  let step = fn do
    let pull = it.next
    let pulled = pull()
    case pulled do
      Some((x, rest)) -> Some(((i, x), enumerate_from(rest, i + 1)))
      None -> None
    end
  end
  Iter { next: step }
end

## Pairs every element with its index, from 0.
pub fn enumerate<T>(it :: Iter<T>) -> Iter<(Int, T)> do
  enumerate_from(it, 0)
end

fn zip_pull<T, U>(x :: T, rest_a :: Iter<T>, b :: Iter<U>) -> Option<((T, U), Iter<T>, Iter<U>)> do
  let pull = b.next
  let pulled = pull()
  case pulled do
    Some((y, rest_b)) -> Some(((x, y), rest_a, rest_b))
    None -> None
  end
end

## Pairs the elements of `a` and `b`; stops when either is exhausted.
pub fn zip<T, U>(a :: Iter<T>, b :: Iter<U>) -> Iter<(T, U)> do
  let step = fn do
    let pull = a.next
    let pulled = pull()
    let both = case pulled do
      Some((x, rest_a)) -> zip_pull(x, rest_a, b)
      None -> None
    end
    case both do
      Some((pair, rest_a, rest_b)) -> Some((pair, zip(rest_a, rest_b)))
      None -> None
    end
  end
  Iter { next: step }
end

fn count_from<T>(it :: Iter<T>, acc :: Int) -> Int do
  let pull = it.next
  let pulled = pull()
  case pulled do
    Some((_, rest)) -> count_from(rest, acc + 1)
    None -> acc
  end
end

## Number of elements (pulls them all).
pub fn count<T>(it :: Iter<T>) -> Int do
  count_from(it, 0)
end

fn sum_from(it :: Iter<Int>, acc :: Int) -> Int do
  let pull = it.next
  let pulled = pull()
  case pulled do
    Some((x, rest)) -> sum_from(rest, acc + x)
    None -> acc
  end
end

## Sum of the elements.
pub fn sum(it :: Iter<Int>) -> Int do
  sum_from(it, 0)
end

## True if `p` holds for some element (stops at the first).
pub fn any<T>(it :: Iter<T>, p :: Fun(T) -> Bool) -> Bool do
  let found = next_matching(it, p)
  case found do
    Some(_) -> true
    None -> false
  end
end

fn all_from<T>(it :: Iter<T>, p :: Fun(T) -> Bool) -> Bool do
  let pull = it.next
  let pulled = pull()
  case pulled do
    Some((x, rest)) when p(x) -> all_from(rest, p)
    Some(_) -> false
    None -> true
  end
end

## True if `p` holds for every element (stops at the first that fails; true when empty).
pub fn all<T>(it :: Iter<T>, p :: Fun(T) -> Bool) -> Bool do
  all_from(it, p)
end

## The first element for which `p` is true.
pub fn find<T>(it :: Iter<T>, p :: Fun(T) -> Bool) -> Option<T> do
  let found = next_matching(it, p)
  case found do
    Some((x, _)) -> Some(x)
    None -> None
  end
end

## Left fold: `f(… f(f(init, x1), x2) …, xn)`.
pub fn reduce<T, U>(it :: Iter<T>, init :: U, f :: Fun(U, T) -> U) -> U do
  let pull = it.next
  let pulled = pull()
  case pulled do
    Some((x, rest)) -> reduce(rest, f(init, x), f)
    None -> init
  end
end
