## Map: immutable maps from keys to values. Iteration (`keys`, `values`, `to_list`,
## `for {k, v} in m`, Display) follows insertion order; replacing the value of an existing
## key keeps its position. Keys compare structurally.

## An empty map (same as `%{}`).
pub extern fn new<K, V>() -> Map<K, V>

## `m` with `k` bound to `v` (inserted, or replaced in place).
pub extern fn put<K, V>(m :: Map<K, V>, k :: K, v :: V) -> Map<K, V>

## The value of `k`; a run-time error `Map.get: key not found: <key>` if it is missing
## (use `fetch` or `has_key` when the key may be absent).
pub extern fn get<K, V>(m :: Map<K, V>, k :: K) -> V

## `Some(value)` of `k`, or `None` if it is missing.
pub extern fn fetch<K, V>(m :: Map<K, V>, k :: K) -> Option<V>

## True if `k` has a value.
pub extern fn has_key<K, V>(m :: Map<K, V>, k :: K) -> Bool

## `m` without `k` (unchanged if missing); the other keys keep their order.
pub extern fn delete<K, V>(m :: Map<K, V>, k :: K) -> Map<K, V>

## Number of keys.
pub extern fn size<K, V>(m :: Map<K, V>) -> Int

## The keys, in insertion order.
pub extern fn keys<K, V>(m :: Map<K, V>) -> List<K>

## The values, in insertion order of their keys.
pub extern fn values<K, V>(m :: Map<K, V>) -> List<V>

## All entries of `a`, then those of `b`; `b`'s value wins for keys in both.
pub extern fn merge<K, V>(a :: Map<K, V>, b :: Map<K, V>) -> Map<K, V>

## The `(key, value)` entries, in insertion order.
pub extern fn to_list<K, V>(m :: Map<K, V>) -> List<(K, V)>

## A map of the `(key, value)` pairs; a later duplicate key wins.
pub extern fn from_list<K, V>(pairs :: List<(K, V)>) -> Map<K, V>

fn collect_into<K, V>(it :: Iter<(K, V)>, acc :: Map<K, V>) -> Map<K, V> do
  let pull = it.next
  let pulled = pull()
  case pulled do
    Some(((k, v), rest)) -> collect_into(rest, put(acc, k, v))
    None -> acc
  end
end

## A map of the `(key, value)` pairs an iterator yields; a later duplicate key wins.
pub fn collect<K, V>(it :: Iter<(K, V)>) -> Map<K, V> do
  collect_into(it, %{})
end
