## Query: the immutable SQL query builder (stdlib §17.7). Every function returns a new query
## and leaves its input unchanged, so partial queries can be shared. Fields are atoms
## (`:org_id`), values are Strings (sent as text; the server reads them as the column's
## type). `Repo.all/one/count/exists` run a query; `to_sql` and `params` show it.
##
## Placeholders are `$1…$n` in clause order: WHERE conditions (in call order), then HAVING,
## then fragments. In `where_raw` and `fragment`, each `?` is the next placeholder and `??`
## is a literal `?` (the jsonb operator). A dotted name (`:users.id` as a String) is quoted
## per part.

## A query under construction.
pub extern type Query

## A new query on `table` (usually `Struct.__table__()`).
pub extern fn from(table :: String) -> Query

## Adds the condition `"f" = $n`.
pub extern fn where(q :: Query, f :: Atom, v :: String) -> Query

## Adds `"f" <op> $n`; ops `:eq :neq :lt :gt :lte :gte :like :ilike` (another atom is a
## run-time error).
pub extern fn where_op(q :: Query, f :: Atom, op :: Atom, v :: String) -> Query

## Adds `"f" IN ($n, …)`; an empty list matches nothing (`FALSE`).
pub extern fn where_in(q :: Query, f :: Atom, values :: List<String>) -> Query

## Adds `"f" IS NULL`.
pub extern fn where_null(q :: Query, f :: Atom) -> Query

## Adds `"f" IS NOT NULL`.
pub extern fn where_not_null(q :: Query, f :: Atom) -> Query

## Adds a verbatim condition; each `?` takes the next parameter (`??` is a literal `?`).
## The number of `?` must match the parameters.
pub extern fn where_raw(q :: Query, sql :: String, params :: List<String>) -> Query

## Replaces the select list (quoted identifiers; use `select_raw` for expressions).
pub extern fn select(q :: Query, fields :: List<String>) -> Query

## Appends verbatim expressions to the select list.
pub extern fn select_raw(q :: Query, exprs :: List<String>) -> Query

## Appends `"f" ASC` or, for `:desc`, `"f" DESC`.
pub extern fn order_by(q :: Query, f :: Atom, dir :: Atom) -> Query

## Sets LIMIT (a negative value unsets it).
pub extern fn limit(q :: Query, n :: Int) -> Query

## Sets OFFSET (a negative value unsets it).
pub extern fn offset(q :: Query, n :: Int) -> Query

## Adds `<KIND> JOIN "table" ON <on>`; kinds `:inner :left :right :full` (others: INNER).
pub extern fn join(q :: Query, kind :: Atom, table :: String, on :: String) -> Query

## Appends `"f"` to GROUP BY.
pub extern fn group_by(q :: Query, f :: Atom) -> Query

## Adds the HAVING condition `<clause> $n` (e.g. `"count(*) >"`).
pub extern fn having(q :: Query, clause :: String, v :: String) -> Query

## Appends raw SQL after HAVING (`?` placeholders as in `where_raw`).
pub extern fn fragment(q :: Query, sql :: String, params :: List<String>) -> Query

## The query's table.
pub extern fn table(q :: Query) -> String

## The SELECT statement.
pub extern fn to_sql(q :: Query) -> String

## The parameters, in placeholder order.
pub extern fn params(q :: Query) -> List<String>

## A field name given as a String, as the atom the builder takes.
pub extern fn field(name :: String) -> Atom

## The SELECT with LIMIT 1 (Repo.one).
pub extern fn __one_sql(q :: Query) -> String

## SELECT COUNT(*) AS count … (groups are counted when grouped).
pub extern fn __count_sql(q :: Query) -> String

## SELECT EXISTS(…) AS exists.
pub extern fn __exists_sql(q :: Query) -> String

## The WHERE conditions alone, numbered after `start` parameters.
pub extern fn __where_sql(q :: Query, start :: Int) -> String

## The parameters of the WHERE conditions alone.
pub extern fn __where_params(q :: Query) -> List<String>
