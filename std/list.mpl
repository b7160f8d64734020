## List: immutable lists. Every function returns a new list and leaves its arguments
## unchanged. The functions without a callback are runtime natives; the higher-order ones
## are written here in Mesh (a callback may need to suspend its process, which a native
## cannot allow).

## An empty list (same as `[]`).
pub extern fn new<T>() -> List<T>

## Number of elements.
pub extern fn length<T>(xs :: List<T>) -> Int

## `xs` with `x` added at the end.
pub extern fn append<T>(xs :: List<T>, x :: T) -> List<T>

## The first element (a run-time error on an empty list).
pub extern fn head<T>(xs :: List<T>) -> T

## All but the first element (a run-time error on an empty list).
pub extern fn tail<T>(xs :: List<T>) -> List<T>

## The element at 0-based index `i` (a run-time error when out of range).
pub extern fn get<T>(xs :: List<T>, i :: Int) -> T

## Same as `get`.
pub extern fn nth<T>(xs :: List<T>, i :: Int) -> T

## The last element (a run-time error on an empty list).
pub extern fn last<T>(xs :: List<T>) -> T

## `a` followed by `b`.
pub extern fn concat<T>(a :: List<T>, b :: List<T>) -> List<T>

## The elements in reverse order.
pub extern fn reverse<T>(xs :: List<T>) -> List<T>

## True if some element equals `x` (structural equality).
pub extern fn contains<T>(xs :: List<T>, x :: T) -> Bool

## Pairs of elements at the same index, as long as the shorter list.
pub extern fn zip<T, U>(a :: List<T>, b :: List<U>) -> List<(T, U)>

## The elements of the inner lists, in order (one level).
pub extern fn flatten<T>(xss :: List<List<T>>) -> List<T>

## `(index, element)` pairs, indices from 0.
pub extern fn enumerate<T>(xs :: List<T>) -> List<(Int, T)>

## The first `n` elements (`n` clamped to `[0, length]`).
pub extern fn take<T>(xs :: List<T>, n :: Int) -> List<T>

## All but the first `n` elements (`n` clamped to `[0, length]`).
pub extern fn drop<T>(xs :: List<T>, n :: Int) -> List<T>

## `f` applied to every element, in order.
pub fn map<T, U>(xs :: List<T>, f :: Fun(T) -> U) -> List<U> do
  for x in xs do
    f(x)
  end
end

## The elements for which `p` is true, in order.
pub fn filter<T>(xs :: List<T>, p :: Fun(T) -> Bool) -> List<T> do
  for x in xs when (p(x)) do
    x
  end
end

fn reduce_from<T, U>(xs :: List<T>, i :: Int, n :: Int, acc :: U, f :: Fun(U, T) -> U) -> U do
  if i < n do
    reduce_from(xs, i + 1, n, f(acc, get(xs, i)), f)
  else
    acc
  end
end

## Left fold with the accumulator first: `f(… f(f(init, x1), x2) …, xn)`.
pub fn reduce<T, U>(xs :: List<T>, init :: U, f :: Fun(U, T) -> U) -> U do
  reduce_from(xs, 0, length(xs), init, f)
end

fn find_from<T>(xs :: List<T>, i :: Int, n :: Int, p :: Fun(T) -> Bool) -> Option<T> do
  if i < n do
    let x = get(xs, i)
    let hit = p(x)
    if hit do
      Some(x)
    else
      find_from(xs, i + 1, n, p)
    end
  else
    None
  end
end

## The first element for which `p` is true.
pub fn find<T>(xs :: List<T>, p :: Fun(T) -> Bool) -> Option<T> do
  find_from(xs, 0, length(xs), p)
end

fn any_from<T>(xs :: List<T>, i :: Int, n :: Int, p :: Fun(T) -> Bool) -> Bool do
  if i < n do
    let hit = p(get(xs, i))
    if hit do
      true
    else
      any_from(xs, i + 1, n, p)
    end
  else
    false
  end
end

## True if `p` holds for some element (stops at the first).
pub fn any<T>(xs :: List<T>, p :: Fun(T) -> Bool) -> Bool do
  any_from(xs, 0, length(xs), p)
end

fn all_from<T>(xs :: List<T>, i :: Int, n :: Int, p :: Fun(T) -> Bool) -> Bool do
  if i < n do
    let ok = p(get(xs, i))
    if ok do
      all_from(xs, i + 1, n, p)
    else
      false
    end
  else
    true
  end
end

## True if `p` holds for every element (stops at the first failure; true when empty).
pub fn all<T>(xs :: List<T>, p :: Fun(T) -> Bool) -> Bool do
  all_from(xs, 0, length(xs), p)
end

## `f` applied to every element, the resulting lists concatenated.
pub fn flat_map<T, U>(xs :: List<T>, f :: Fun(T) -> List<U>) -> List<U> do
  let parts = for x in xs do
    f(x)
  end
  flatten(parts)
end

# Merges the sorted lists `a[i..]` and `b[j..]` (of lengths `na`, `nb`, both non-empty,
# with `x = a[i]` and `y = b[j]` already fetched) onto `out`. On ties the element of `a`
# (the earlier run) goes first, which makes the sort stable.
fn merge_runs<T>(a :: List<T>, b :: List<T>, i :: Int, j :: Int, na :: Int, nb :: Int, x :: T, y :: T, out :: List<T>, cmp :: Fun(T, T) -> Int) -> List<T> do
  let order = cmp(y, x)
  if order < 0 do
    let j2 = j + 1
    if j2 < nb do
      merge_runs(a, b, i, j2, na, nb, x, get(b, j2), append(out, y), cmp)
    else
      concat(append(out, y), drop(a, i))
    end
  else
    let i2 = i + 1
    if i2 < na do
      merge_runs(a, b, i2, j, na, nb, get(a, i2), y, append(out, x), cmp)
    else
      concat(append(out, x), drop(b, j))
    end
  end
end

# Merges two sorted runs (either may be empty).
fn merge_two<T>(a :: List<T>, b :: List<T>, cmp :: Fun(T, T) -> Int) -> List<T> do
  let na = length(a)
  let nb = length(b)
  if na == 0 do
    b
  else if nb == 0 do
    a
  else
    merge_runs(a, b, 0, 0, na, nb, get(a, 0), get(b, 0), [], cmp)
  end
end

# One bottom-up pass: merges runs 0+1, 2+3, … (an odd last run is kept as is).
fn merge_pass<T>(runs :: List<List<T>>, i :: Int, n :: Int, out :: List<List<T>>, cmp :: Fun(T, T) -> Int) -> List<List<T>> do
  if i + 1 < n do
    let merged = merge_two(get(runs, i), get(runs, i + 1), cmp)
    merge_pass(runs, i + 2, n, append(out, merged), cmp)
  else if i < n do
    append(out, get(runs, i))
  else
    out
  end
end

fn merge_all<T>(runs :: List<List<T>>, cmp :: Fun(T, T) -> Int) -> List<T> do
  let n = length(runs)
  if n == 0 do
    []
  else if n == 1 do
    head(runs)
  else
    merge_all(merge_pass(runs, 0, n, [], cmp), cmp)
  end
end

## The elements sorted by `cmp` (negative: first argument goes first; 0: equal; positive:
## second goes first). Stable: equal elements keep their order. A merge sort, O(n log n)
## comparisons.
pub fn sort<T>(xs :: List<T>, cmp :: Fun(T, T) -> Int) -> List<T> do
  let runs = for x in xs do
    [x]
  end
  merge_all(runs, cmp)
end

fn collect_into<T>(it :: Iter<T>, acc :: List<T>) -> List<T> do
  let pull = it.next
  let pulled = pull()
  case pulled do
    Some((x, rest)) -> collect_into(rest, append(acc, x))
    None -> acc
  end
end

## All elements of an iterator, in order.
pub fn collect<T>(it :: Iter<T>) -> List<T> do
  collect_into(it, [])
end
