## Changeset: casting and validating changes before they are written (stdlib §17.9).
##
## A changeset holds the existing row (`data`), the accepted `changes`, and `errors` (at
## most one per field: the first recorded wins). Every function returns a new changeset;
## validators never short-circuit. `Repo.insert_changeset` / `update_changeset` write a
## valid one and map database errors onto fields (unique violation → `has already been
## taken`, foreign key → `does not exist`, not-null → `can't be blank`).

## A changeset.
pub extern type Changeset

## Keeps the entries of `params` whose key is in `allowed`.
pub extern fn cast(data :: Map<String, String>, params :: Map<String, String>, allowed :: List<Atom>) -> Changeset

## Like `cast`, then coerces each kept value by its `"field:SQLTYPE"` entry of `types`
## (`Struct.__field_types__()`): BIGINT, DOUBLE PRECISION, BOOLEAN; a value that does not
## fit is dropped with the error `is invalid`.
pub extern fn cast_with_types(data :: Map<String, String>, params :: Map<String, String>, allowed :: List<Atom>, types :: List<String>) -> Changeset

## Each field must be non-empty in `changes`, or else in `data` (`can't be blank`).
pub extern fn validate_required(cs :: Changeset, fields :: List<Atom>) -> Changeset

## Length in characters of the change of `f` (`-1`: no bound): `should be at least <min>
## character(s)` / `should be at most <max> character(s)`.
pub extern fn validate_length(cs :: Changeset, f :: Atom, min :: Int, max :: Int) -> Changeset

## The change of `f` must match the regular expression `pattern` (anchor it with `^…$` for
## a whole match): `has invalid format`.
pub extern fn validate_format(cs :: Changeset, f :: Atom, pattern :: String) -> Changeset

## The change of `f` must be one of `allowed`: `is invalid`.
pub extern fn validate_inclusion(cs :: Changeset, f :: Atom, allowed :: List<String>) -> Changeset

## The change of `f` must be an integer (`is not a number`) within the bounds that are set:
## `must be greater than N`, `must be less than N`, `must be greater than or equal to N`,
## `must be less than or equal to N` (checked in that order).
pub extern fn validate_bounds(cs :: Changeset, f :: Atom, gt :: Option<Int>, lt :: Option<Int>, gte :: Option<Int>, lte :: Option<Int>) -> Changeset

## The original's form of `validate_bounds`, where `-1` means "no bound".
pub fn validate_number(cs :: Changeset, f :: Atom, gt :: Int, lt :: Int, gte :: Int, lte :: Int) -> Changeset do
  validate_bounds(cs, f, bound(gt), bound(lt), bound(gte), bound(lte))
end

fn bound(n :: Int) -> Option<Int> do
  if n == -1 do None else Some(n) end
end

## True when there are no errors.
pub extern fn valid(cs :: Changeset) -> Bool

## Field → error message.
pub extern fn errors(cs :: Changeset) -> Map<String, String>

## The accepted changes.
pub extern fn changes(cs :: Changeset) -> Map<String, String>

## The existing row the changeset started from.
pub extern fn data(cs :: Changeset) -> Map<String, String>

## The change of `f`, or `""`.
pub extern fn get_change(cs :: Changeset, f :: Atom) -> String

## The error of `f`, or `""`.
pub extern fn get_error(cs :: Changeset, f :: Atom) -> String

## Records `message` on `f` (unless `f` already has an error).
pub extern fn add_error(cs :: Changeset, f :: Atom, message :: String) -> Changeset

## Records a database error (a readable line of the string API) on the field it concerns.
pub extern fn add_db_error(cs :: Changeset, line :: String) -> Changeset
