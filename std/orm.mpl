## Orm: SQL string builders (stdlib §17.10); no I/O.
##
## Conditions are `"col op"` (`"name ="`, `"age >"`), `"col IS NULL"`, `"col IS NOT NULL"`
## or a bare `"col"` (meaning `= $n`); orders are `"col dir"` (bare: ASC); `"*"` in
## RETURNING stays bare. Placeholders are numbered `$1…` in the order they appear.

## `SELECT "c"… FROM "t" [WHERE …] [ORDER BY …] [LIMIT n] [OFFSET n]` (`[]` columns: `*`;
## negative limit/offset: omitted).
pub extern fn build_select(table :: String, cols :: List<String>, wheres :: List<String>, orders :: List<String>, limit :: Int, offset :: Int) -> String

## `INSERT INTO "t" ("a", "b") VALUES ($1, $2)[ RETURNING …]`.
pub extern fn build_insert(table :: String, cols :: List<String>, returning :: List<String>) -> String

## `UPDATE "t" SET "a" = $1, … [WHERE …][ RETURNING …]`.
pub extern fn build_update(table :: String, set_cols :: List<String>, wheres :: List<String>, returning :: List<String>) -> String

## `DELETE FROM "t" [WHERE …][ RETURNING …]`.
pub extern fn build_delete(table :: String, wheres :: List<String>, returning :: List<String>) -> String
