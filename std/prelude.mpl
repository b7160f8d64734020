## Prelude: functions in scope everywhere without qualification.
##
## `println`/`print` are runtime natives; `map`, `filter`, `reduce`, `head` and `tail`
## forward to `List`; `compare` uses the `Ord` impl of its argument type.

## Writes `s` and a newline to standard output.
pub extern fn println(s :: String) -> ()

## Writes `s` to standard output (no newline).
pub extern fn print(s :: String) -> ()

## Same as `List.map`.
pub fn map<T, U>(xs :: List<T>, f :: Fun(T) -> U) -> List<U> do
  List.map(xs, f)
end

## Same as `List.filter`.
pub fn filter<T>(xs :: List<T>, p :: Fun(T) -> Bool) -> List<T> do
  List.filter(xs, p)
end

## Same as `List.reduce`: left fold, accumulator first.
pub fn reduce<T, U>(xs :: List<T>, init :: U, f :: Fun(U, T) -> U) -> U do
  List.reduce(xs, init, f)
end

## Same as `List.head` (a run-time error on an empty list).
pub fn head<T>(xs :: List<T>) -> T do
  List.head(xs)
end

## Same as `List.tail` (a run-time error on an empty list).
pub fn tail<T>(xs :: List<T>) -> List<T> do
  List.tail(xs)
end

## `Less`, `Equal` or `Greater`, by the `Ord` impl of `T`.
pub fn compare<T>(a :: T, b :: T) -> Ordering where T: Ord do
  if a < b do
    Less
  else if b < a do
    Greater
  else
    Equal
  end
end

## The `Default` value of the type the context expects (`let n :: Int = default()`).
## The checker resolves each call to the `Default` impl of the expected type.
pub extern fn default<T>() -> T where T: Default
