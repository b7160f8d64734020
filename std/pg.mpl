## Pg: single PostgreSQL connections (stdlib §17.2).
##
## URLs are `postgres://user:password@host:port/database?sslmode=MODE` with MODE `disable`,
## `prefer` (the default: TLS if the server offers it) or `require`; TLS certificates are
## verified against the web PKI roots and the host name. Every call suspends only the
## calling process. The string API (`query`, `execute`) takes `List<String>` parameters
## and returns rows as `Map<String, String>` (NULL is `""`) and errors as readable lines;
## the typed API (`fetch`, `exec`) takes `List<SqlValue>` and returns `SqlValue` rows and
## `DbError`s (see `Sql`).

## An open connection.
pub extern type PgConn

## Connects. Errors: `URL must start with postgres:// or postgresql://`, `invalid port: <p>`,
## `connection failed: <reason>` (including the server's authentication error).
pub extern fn connect(url :: String) -> PgConn!String

## Closes the connection (a connection checked out of a pool goes back to it); closing twice
## does nothing, and later calls fail with `connection is closed`.
pub extern fn close(conn :: PgConn) -> ()

## Runs one statement and returns its rows (text values; NULL is `""`).
pub extern fn query(conn :: PgConn, sql :: String, params :: List<String>) -> List<Map<String, String>>!String

## Runs one statement and returns the number of rows it affected.
pub extern fn execute(conn :: PgConn, sql :: String, params :: List<String>) -> Int!String

## Typed `query`: `SqlValue` parameters and rows.
pub extern fn fetch(conn :: PgConn, sql :: String, params :: List<SqlValue>) -> List<Map<String, SqlValue>>!DbError

## Typed `execute`.
pub extern fn exec(conn :: PgConn, sql :: String, params :: List<SqlValue>) -> Int!DbError

## Runs several statements separated by `;` (no parameters).
pub extern fn batch(conn :: PgConn, sql :: String) -> ()!String

## `BEGIN`.
pub extern fn begin(conn :: PgConn) -> ()!String

## `COMMIT`.
pub extern fn commit(conn :: PgConn) -> ()!String

## `ROLLBACK`.
pub extern fn rollback(conn :: PgConn) -> ()!String

## The TLS mode a URL asks for: `disable`, `prefer` or `require` (or the URL's error).
pub extern fn tls_mode(url :: String) -> String!String

## Runs `f` in a transaction: `BEGIN` (failure: `Err("BEGIN: <msg>")`), then `f(conn)`; its
## `Ok` is committed (a failed commit is `Err("COMMIT: <msg>")`), its `Err` is rolled back
## and returned unchanged. If the process crashes inside `f`, the transaction is rolled
## back when the connection is released.
pub fn transaction<T>(conn :: PgConn, f :: Fun(PgConn) -> T!String) -> T!String do
  case begin(conn) do
    Err(e) -> Err("BEGIN: " <> e)
    Ok(_) -> end_transaction(conn, f(conn))
  end
end

fn end_transaction<T>(conn :: PgConn, r :: T!String) -> T!String do
  case r do
    Ok(v) -> commit_with(conn, v)
    Err(e) -> rollback_with(conn, e)
  end
end

fn commit_with<T>(conn :: PgConn, v :: T) -> T!String do
  case commit(conn) do
    Ok(_) -> Ok(v)
    Err(e) -> rollback_with(conn, "COMMIT: " <> e)
  end
end

fn rollback_with<T>(conn :: PgConn, e :: String) -> T!String do
  let _ = rollback(conn)
  Err(e)
end

## Runs a query and decodes every row with `from_row` (typically `Struct.from_row`); a
## failed query is the outer `Err`, per-row failures stay in the list.
pub fn query_as<T>(conn :: PgConn, sql :: String, params :: List<String>, from_row :: Fun(Map<String, String>) -> T!String) -> List<T!String>!String do
  let rows = query(conn, sql, params)?
  Ok(List.map(rows, from_row))
end

## Runs a typed query and decodes every row with `decode` (typically
## `Struct.from_sql_row`); the first row that cannot be decoded is the error.
pub fn fetch_as<T>(conn :: PgConn, sql :: String, params :: List<SqlValue>, decode :: Fun(Map<String, SqlValue>) -> T!String) -> List<T>!DbError do
  let rows = fetch(conn, sql, params)?
  Pool.decode_all(rows, decode)
end
