## Json (also reachable as `JSON`): parsing and encoding JSON text.
##
## `Json.encode` accepts any value: structs become objects (fields in declaration order),
## `Option` is `null` or its value, other sum types are `{"tag": "Variant", "fields":
## [...]}`, lists/sets/tuples are arrays, maps are objects (non-String keys by their
## Display text), `()` is `null`, NaN and infinite floats are `null`, and a `Json` value is
## its content. Functions, pids and other runtime handles cannot be encoded (a run-time
## error).

## A parsed JSON document.
pub extern type Json

## Parses JSON text; `Err(<parser message>)`, e.g. `expected value at line 1 column 1`.
pub extern fn parse(text :: String) -> Json!String

## Compact JSON text of any value (see above).
pub extern fn encode<T>(x :: T) -> String

## `s` as a quoted, escaped JSON string.
pub extern fn encode_string(s :: String) -> String

## `i` as a JSON number.
pub extern fn encode_int(i :: Int) -> String

## `true` or `false`.
pub extern fn encode_bool(b :: Bool) -> String

## A JSON object whose values are the Display texts of the map's values (as JSON strings),
## keys sorted alphabetically.
pub extern fn encode_map<K, V>(m :: Map<K, V>) -> String

## A JSON array of the Display texts of the elements (as JSON strings).
pub extern fn encode_list<T>(xs :: List<T>) -> String

## The top-level field `key` of the JSON object `text`, as text: strings unquoted,
## numbers and booleans in JSON spelling, arrays and objects as compact JSON; `""` when
## the key is missing, the value is `null` or the text is not a JSON object. Never fails.
pub extern fn get(text :: String, key :: String) -> String

## Like `get` for the field `value[k1][k2]`.
pub extern fn get_nested(text :: String, k1 :: String, k2 :: String) -> String

# Decoder behind `deriving(Json)`'s `Type.from_json(text)`: decodes JSON text into a value
# of the program's type `type_id` (struct fields by name, Option fields missing or null →
# None, sum types from {"tag", "fields"}); errors such as `missing field: <name>` and
# `expected Int`.
extern fn __decode<T>(text :: String, type_id :: Int) -> T!String

# Encoder behind `deriving(Json)`'s `value.to_json()` (same as `encode`).
extern fn __to_json<T>(x :: T) -> String
