## String: immutable UTF-8 text. Lengths and indices count Unicode code points.

## Number of code points (`"café"` has 4).
pub extern fn length(s :: String) -> Int

## Code points `start` (inclusive) to `stop` (exclusive); both clamped to `[0, length]`;
## empty when `stop <= start`. Never fails.
pub extern fn slice(s :: String, start :: Int, stop :: Int) -> String

## True if `sub` occurs in `s` (the empty string always does).
pub extern fn contains(s :: String, sub :: String) -> Bool

## True if `s` begins with `prefix`.
pub extern fn starts_with(s :: String, prefix :: String) -> Bool

## True if `s` ends with `suffix`.
pub extern fn ends_with(s :: String, suffix :: String) -> Bool

## `s` without Unicode whitespace at both ends.
pub extern fn trim(s :: String) -> String

## Full Unicode upper-casing.
pub extern fn to_upper(s :: String) -> String

## Full Unicode lower-casing.
pub extern fn to_lower(s :: String) -> String

## Every non-overlapping occurrence of `from` replaced by `to`; an empty `from` inserts
## `to` between all code points and at both ends.
pub extern fn replace(s :: String, from :: String, to :: String) -> String

## The pieces between occurrences of `sep`, empty ones kept (`"a,,b"` gives
## `["a", "", "b"]`); an empty `sep` splits into code points with `""` at both ends.
pub extern fn split(s :: String, sep :: String) -> List<String>

## The strings of the list joined with `sep` between them.
pub extern fn join(parts :: List<String>, sep :: String) -> String

## The trimmed text as a base-10 Int (leading `+`/`-` allowed); `None` on garbage or
## overflow.
pub extern fn to_int(s :: String) -> Option<Int>

## The trimmed text as a Float (`1.5`, `1e3`, `inf`, `NaN`); `None` on garbage.
pub extern fn to_float(s :: String) -> Option<Float>

## The Display text of any value (a String is returned unchanged; `3.0` gives `3`).
pub extern fn from<T>(x :: T) -> String

fn collect_into(it :: Iter<String>, acc :: String) -> String do
  let pull = it.next
  let pulled = pull()
  case pulled do
    Some((s, rest)) -> collect_into(rest, acc <> s)
    None -> acc
  end
end

## The strings an iterator yields, concatenated.
pub fn collect(it :: Iter<String>) -> String do
  collect_into(it, "")
end
