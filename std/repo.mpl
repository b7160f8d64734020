## Repo: running queries and CRUD on a pool (stdlib §17.8). Every function checks a
## connection out for its statement (except `transaction`, which keeps one) and returns
## database errors as readable lines (see `Sql`); rows are `Map<String, String>` (NULL is
## `""`). The typed forms `fetch_all` / `all_as` return `SqlValue` rows or structs.
## Statements always address the `id` column for `get`/`update`/`delete`, as the original.

from Sql import SqlText

## The rows of the query's SELECT.
pub fn all(pool :: PoolHandle, q :: Query) -> List<Map<String, String>>!String do
  Pool.query(pool, Query.to_sql(q), Query.params(q))
end

## The first row of the query (LIMIT 1); `Err("not found")` if none.
pub fn one(pool :: PoolHandle, q :: Query) -> Map<String, String>!String do
  let rows = Pool.query(pool, Query.__one_sql(q), Query.params(q))?
  first(rows, "not found")
end

## The row of `table` whose `id` is `id`; `Err("not found")` if none.
pub fn get(pool :: PoolHandle, table :: String, id :: String) -> Map<String, String>!String do
  get_by(pool, table, "id", id)
end

## The first row of `table` whose `field` equals `value`; `Err("not found")` if none.
pub fn get_by(pool :: PoolHandle, table :: String, field :: String, value :: String) -> Map<String, String>!String do
  let q = Query.from(table) |> Query.where(Query.field(field), value) |> Query.limit(1)
  let rows = Pool.query(pool, Query.to_sql(q), Query.params(q))?
  first(rows, "not found")
end

## The number of rows the query matches (of groups, with GROUP BY).
pub fn count(pool :: PoolHandle, q :: Query) -> Int!String do
  let rows = Pool.query(pool, Query.__count_sql(q), Query.params(q))?
  let row = first(rows, "count returned no rows")?
  case String.to_int(Map.get(row, "count")) do
    Some(n) -> Ok(n)
    None -> Err("count returned " <> Map.get(row, "count"))
  end
end

## True if the query matches a row.
pub fn exists(pool :: PoolHandle, q :: Query) -> Bool!String do
  let rows = Pool.query(pool, Query.__exists_sql(q), Query.params(q))?
  let row = first(rows, "exists returned no rows")?
  Ok(Map.get(row, "exists") == "t")
end

## Inserts a row (columns in the map's order) and returns it as stored (defaults filled).
pub fn insert(pool :: PoolHandle, table :: String, fields :: Map<String, String>) -> Map<String, String>!String do
  if Map.size(fields) == 0 do
    Err("insert: no fields provided")
  else
    let rows = Pool.query(pool, Orm.build_insert(table, Map.keys(fields), ["*"]), Map.values(fields))?
    first(rows, "insert: no row returned")
  end
end

## Updates the row whose `id` is `id` and returns it.
pub fn update(pool :: PoolHandle, table :: String, id :: String, fields :: Map<String, String>) -> Map<String, String>!String do
  if Map.size(fields) == 0 do
    Err("update: no fields provided")
  else
    let sql = Orm.build_update(table, Map.keys(fields), ["id"], ["*"])
    let rows = Pool.query(pool, sql, List.append(Map.values(fields), id))?
    first(rows, "update: no row returned (id not found)")
  end
end

## Deletes the row whose `id` is `id` and returns it.
pub fn delete(pool :: PoolHandle, table :: String, id :: String) -> Map<String, String>!String do
  let rows = Pool.query(pool, Orm.build_delete(table, ["id"], ["*"]), [id])?
  first(rows, "delete: no row returned (id not found)")
end

## Updates every row matching the query's WHERE conditions; returns the updated rows.
pub fn update_where(pool :: PoolHandle, table :: String, fields :: Map<String, String>, q :: Query) -> List<Map<String, String>>!String do
  let n = Map.size(fields)
  let conds = Query.__where_sql(q, n)
  if n == 0 do
    Err("update_where: no fields provided")
  else
    if conds == "" do
      Err("update_where: no WHERE conditions")
    else
      let sql = Orm.build_update(table, Map.keys(fields), [], []) <> " WHERE " <> conds <> " RETURNING *"
      Pool.query(pool, sql, List.concat(Map.values(fields), Query.__where_params(q)))
    end
  end
end

## Deletes every row matching the query's WHERE conditions; returns how many.
pub fn delete_where(pool :: PoolHandle, table :: String, q :: Query) -> Int!String do
  let conds = Query.__where_sql(q, 0)
  if conds == "" do
    Err("delete_where: no WHERE conditions")
  else
    Pool.execute(pool, Orm.build_delete(table, [], []) <> " WHERE " <> conds, Query.__where_params(q))
  end
end

## Exactly `Pool.query`.
pub fn query_raw(pool :: PoolHandle, sql :: String, params :: List<String>) -> List<Map<String, String>>!String do
  Pool.query(pool, sql, params)
end

## Exactly `Pool.execute`.
pub fn execute_raw(pool :: PoolHandle, sql :: String, params :: List<String>) -> Int!String do
  Pool.execute(pool, sql, params)
end

## Runs `f` in a transaction (see `Pool.transaction`).
pub fn transaction<T>(pool :: PoolHandle, f :: Fun(PgConn) -> T!String) -> T!String do
  Pool.transaction(pool, f)
end

## Inserts the changes of a valid changeset; an invalid one, one without changes, or a
## database error comes back as `Err(changeset)` with the error recorded on its field.
pub fn insert_changeset(pool :: PoolHandle, table :: String, cs :: Changeset) -> Map<String, String>!Changeset do
  let changes = Changeset.changes(cs)
  if Changeset.valid(cs) == false do
    Err(cs)
  else
    if Map.size(changes) == 0 do
      Err(Changeset.add_error(cs, :_base, "no changes"))
    else
      changeset_result(cs, Pool.query(pool, Orm.build_insert(table, Map.keys(changes), ["*"]), Map.values(changes)), "insert_changeset: no row returned")
    end
  end
end

## Updates the row `id` with the changes of a valid changeset (errors as `insert_changeset`).
pub fn update_changeset(pool :: PoolHandle, table :: String, id :: String, cs :: Changeset) -> Map<String, String>!Changeset do
  let changes = Changeset.changes(cs)
  if Changeset.valid(cs) == false do
    Err(cs)
  else
    if Map.size(changes) == 0 do
      Err(Changeset.add_error(cs, :_base, "no changes"))
    else
      let sql = Orm.build_update(table, Map.keys(changes), ["id"], ["*"])
      changeset_result(cs, Pool.query(pool, sql, List.append(Map.values(changes), id)), "update_changeset: no row returned (id not found)")
    end
  end
end

fn changeset_result(cs :: Changeset, r :: List<Map<String, String>>!String, none :: String) -> Map<String, String>!Changeset do
  case r do
    Err(e) -> Err(Changeset.add_db_error(cs, e))
    Ok(rows) -> if List.length(rows) == 0 do Err(Changeset.add_error(cs, :_base, none)) else Ok(List.head(rows)) end
  end
end

## Typed rows of the query's SELECT.
pub fn fetch_all(pool :: PoolHandle, q :: Query) -> List<Map<String, SqlValue>>!DbError do
  Pool.fetch(pool, Query.to_sql(q), List.map(Query.params(q), fn(p) -> SqlText(p) end))
end

## The query's rows decoded with `decode` (typically `Struct.from_sql_row`).
pub fn all_as<T>(pool :: PoolHandle, q :: Query, decode :: Fun(Map<String, SqlValue>) -> T!String) -> List<T>!DbError do
  let rows = fetch_all(pool, q)?
  Pool.decode_all(rows, decode)
end

## Loads associations of `rows` (direct ones, e.g. `"projects"`, or nested paths such as
## `"projects.issues"`) using `meta = Struct.__relationship_meta__()` of the rows' struct
## and, for nested paths, of the targets (all metadata lists concatenated). Returns, per
## row, the row and its associations: association path → the associated rows (`has_many`:
## all of them; `has_one` / `belongs_to`: zero or one).
pub fn preload(pool :: PoolHandle, rows :: List<Map<String, String>>, assocs :: List<String>, meta :: List<String>) -> List<(Map<String, String>, Map<String, List<Map<String, String>>>)>!String do
  let start = List.map(rows, fn(r) -> (r, Map.new()) end)
  preload_each(pool, start, sort_by_depth(assocs), meta, 0)
end

fn sort_by_depth(assocs :: List<String>) -> List<String> do
  List.sort(assocs, fn(a, b) -> depth(a) - depth(b) end)
end

fn depth(path :: String) -> Int do
  List.length(String.split(path, "."))
end

fn preload_each(pool :: PoolHandle, acc :: List<(Map<String, String>, Map<String, List<Map<String, String>>>)>, assocs :: List<String>, meta :: List<String>, i :: Int) -> List<(Map<String, String>, Map<String, List<Map<String, String>>>)>!String do
  if i < List.length(assocs) do
    let next = preload_path(pool, acc, List.get(assocs, i), meta)?
    preload_each(pool, next, assocs, meta, i + 1)
  else
    Ok(acc)
  end
end

## Preloads one path: its parent rows are the rows themselves (direct) or the rows already
## loaded under the parent path.
fn preload_path(pool :: PoolHandle, acc :: List<(Map<String, String>, Map<String, List<Map<String, String>>>)>, path :: String, meta :: List<String>) -> List<(Map<String, String>, Map<String, List<Map<String, String>>>)>!String do
  let parts = String.split(path, ".")
  let n = List.length(parts)
  let name = List.last(parts)
  if name == "" do
    Err("Repo.preload: invalid nested association path '" <> path <> "'")
  else
    let parent = String.join(List.take(parts, n - 1), ".")
    let rel = find_meta(meta, name)?
    let parents = parent_rows(acc, parent)?
    let loaded = load_assoc(pool, parents, rel)?
    Ok(List.map(acc, fn(entry) -> attach(entry, parent, path, rel, loaded) end))
  end
end

fn parent_rows(acc :: List<(Map<String, String>, Map<String, List<Map<String, String>>>)>, parent :: String) -> List<Map<String, String>>!String do
  if parent == "" do
    Ok(List.map(acc, fn(e) -> first_of(e) end))
  else
    let found = List.filter(acc, fn(e) -> Map.has_key(second_of(e), parent) end)
    if List.length(found) == 0 && List.length(acc) > 0 do
      Err("Repo.preload: unknown parent association '" <> parent <> "' in nested path")
    else
      Ok(List.flatten(List.map(found, fn(e) -> Map.get(second_of(e), parent) end)))
    end
  end
end

fn first_of(e :: (Map<String, String>, Map<String, List<Map<String, String>>>)) -> Map<String, String> do
  let (r, _) = e
  r
end

fn second_of(e :: (Map<String, String>, Map<String, List<Map<String, String>>>)) -> Map<String, List<Map<String, String>>> do
  let (_, a) = e
  a
end

## `[kind, assoc, target, fk, target_table]` of association `name`.
fn find_meta(meta :: List<String>, name :: String) -> List<String>!String do
  let found = List.filter(List.map(meta, fn(m) -> String.split(m, ":") end), fn(p) -> List.length(p) == 5 && List.get(p, 1) == name end)
  if List.length(found) == 0 do
    Err("Repo.preload: unknown association '" <> name <> "' -- check that the relationship metadata includes this association")
  else
    let rel = List.head(found)
    let kind = List.get(rel, 0)
    if kind == "has_many" || kind == "has_one" || kind == "belongs_to" do
      Ok(rel)
    else
      Err("Repo.preload: unknown relationship kind '" <> kind <> "'")
    end
  end
end

## The associated rows of all parents in one query.
fn load_assoc(pool :: PoolHandle, parents :: List<Map<String, String>>, rel :: List<String>) -> List<Map<String, String>>!String do
  let kind = List.get(rel, 0)
  let fk = List.get(rel, 3)
  let table = List.get(rel, 4)
  let own = if kind == "belongs_to" do fk else "id" end
  let their = if kind == "belongs_to" do "id" else fk end
  let keys = distinct(List.filter(List.map(parents, fn(r) -> value_of(r, own) end), fn(k) -> k != "" end))
  if List.length(keys) == 0 do
    Ok([])
  else
    let q = Query.from(table) |> Query.where_in(Query.field(their), keys)
    all(pool, q)
  end
end

fn attach(entry :: (Map<String, String>, Map<String, List<Map<String, String>>>), parent :: String, path :: String, rel :: List<String>, loaded :: List<Map<String, String>>) -> (Map<String, String>, Map<String, List<Map<String, String>>>) do
  let (row, assocs) = entry
  let kind = List.get(rel, 0)
  let fk = List.get(rel, 3)
  let own = if kind == "belongs_to" do fk else "id" end
  let their = if kind == "belongs_to" do "id" else fk end
  let parents = if parent == "" do [row] else (if Map.has_key(assocs, parent) do Map.get(assocs, parent) else [] end) end
  let mine = List.flatten(List.map(parents, fn(p) -> matching(loaded, their, value_of(p, own), kind) end))
  (row, Map.put(assocs, path, mine))
end

fn matching(loaded :: List<Map<String, String>>, col :: String, key :: String, kind :: String) -> List<Map<String, String>> do
  let all_rows = List.filter(loaded, fn(r) -> key != "" && value_of(r, col) == key end)
  if kind == "has_many" do all_rows else List.take(all_rows, 1) end
end

fn value_of(row :: Map<String, String>, col :: String) -> String do
  if Map.has_key(row, col) do Map.get(row, col) else "" end
end

fn distinct(xs :: List<String>) -> List<String> do
  List.reduce(xs, [], fn(acc, x) -> if List.contains(acc, x) do acc else List.append(acc, x) end end)
end

fn first(rows :: List<Map<String, String>>, none :: String) -> Map<String, String>!String do
  if List.length(rows) == 0 do Err(none) else Ok(List.head(rows)) end
end
