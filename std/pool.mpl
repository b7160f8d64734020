## Pool: PostgreSQL connection pools (stdlib §17.4).
##
## Waiting for a connection parks only the calling process. Every statement function checks
## a connection out for the one statement and gives it back, also when the process is
## stopped meanwhile. Same two families as `Pg`: the string API (`query`, `execute`,
## `query_as`) and the typed API (`fetch`, `exec`, `fetch_as`).

## A connection pool (or, inside `meshc migrate`, the migration's connection).
pub extern type PoolHandle

## Opens a pool of at most `max` connections (`max ≥ max(1, min)`) whose checkouts wait at
## most `timeout_ms` (≥ 100); `min` connections are opened now, and a failure is
## `Err("pool open: <reason>")`.
pub extern fn open(url :: String, min :: Int, max :: Int, timeout_ms :: Int) -> PoolHandle!String

## Closes the pool: idle connections are closed; later calls fail with `pool is closed`.
pub extern fn close(pool :: PoolHandle) -> ()

## A connection for the caller alone until `checkin`. Errors: `pool is closed`,
## `pool checkout timeout`, `pool connect: <reason>`.
pub extern fn checkout(pool :: PoolHandle) -> PgConn!String

## Gives a connection back; a transaction left open on it is rolled back first.
pub extern fn checkin(pool :: PoolHandle, conn :: PgConn) -> ()

## Like `Pg.query` on a pooled connection.
pub extern fn query(pool :: PoolHandle, sql :: String, params :: List<String>) -> List<Map<String, String>>!String

## Like `Pg.execute` on a pooled connection.
pub extern fn execute(pool :: PoolHandle, sql :: String, params :: List<String>) -> Int!String

## Like `Pg.fetch` on a pooled connection.
pub extern fn fetch(pool :: PoolHandle, sql :: String, params :: List<SqlValue>) -> List<Map<String, SqlValue>>!DbError

## Like `Pg.exec` on a pooled connection.
pub extern fn exec(pool :: PoolHandle, sql :: String, params :: List<SqlValue>) -> Int!DbError

## Like `Pg.batch` on a pooled connection.
pub extern fn batch(pool :: PoolHandle, sql :: String) -> ()!String

## Like `Pg.query_as` on a pooled connection.
pub fn query_as<T>(pool :: PoolHandle, sql :: String, params :: List<String>, from_row :: Fun(Map<String, String>) -> T!String) -> List<T!String>!String do
  let rows = query(pool, sql, params)?
  Ok(List.map(rows, from_row))
end

## Like `Pg.fetch_as` on a pooled connection.
pub fn fetch_as<T>(pool :: PoolHandle, sql :: String, params :: List<SqlValue>, decode :: Fun(Map<String, SqlValue>) -> T!String) -> List<T>!DbError do
  let rows = fetch(pool, sql, params)?
  decode_all(rows, decode)
end

## Decodes typed rows; the first failure is a client-side `DbError`.
pub fn decode_all<T>(rows :: List<Map<String, SqlValue>>, decode :: Fun(Map<String, SqlValue>) -> T!String) -> List<T>!DbError do
  decode_from(rows, decode, 0, [])
end

fn decode_from<T>(rows :: List<Map<String, SqlValue>>, decode :: Fun(Map<String, SqlValue>) -> T!String, i :: Int, acc :: List<T>) -> List<T>!DbError do
  if i < List.length(rows) do
    case decode(List.get(rows, i)) do
      Ok(v) -> decode_from(rows, decode, i + 1, List.append(acc, v))
      Err(e) -> Err(Sql.client_error("row " <> String.from(i + 1) <> ": " <> e))
    end
  else
    Ok(acc)
  end
end

## Runs `f` in a transaction on a connection of the pool (see `Pg.transaction`); the
## connection always goes back to the pool, and a crash inside `f` rolls back.
pub fn transaction<T>(pool :: PoolHandle, f :: Fun(PgConn) -> T!String) -> T!String do
  let conn = checkout(pool)?
  let r = Pg.transaction(conn, f)
  checkin(pool, conn)
  r
end
