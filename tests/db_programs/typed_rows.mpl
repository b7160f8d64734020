# The typed API: SqlValue parameters (NULL included), typed rows for every common column
# type, deriving(Row)'s from_sql_row with Option fields, JSON fields and clear errors.

from Sql import SqlNull, SqlInt, SqlFloat, SqlBool, SqlText

struct Point do
  x :: Int
  y :: Int
end deriving(Json)

struct Sample do
  i2 :: Int
  i4 :: Int
  i8 :: Int
  f4 :: Float
  f8 :: Float
  num :: Float
  flag :: Bool
  name :: String
  code :: String
  uid :: String
  at :: String
  at_local :: String
  day :: String
  doc :: String
  pt :: Point
  note :: Option<String>
  maybe :: Option<Int>
end deriving(Row)

struct Strict do
  id :: Int
  label :: String
end deriving(Row)

fn url() -> String do
  case Env.get("DATABASE_URL") do
    Some(u) -> u
    None -> ""
  end
end

fn main() do
  case Pg.connect(url()) do
    Ok(conn) -> run(conn)
    Err(e) -> println("connect failed: " <> e)
  end
end

fn exec(conn :: PgConn, sql :: String, params :: List<SqlValue>) do
  case Pg.exec(conn, sql, params) do
    Ok(n) -> println("ok ${n}")
    Err(e) -> println("error: ${e}")
  end
end

fn run(conn :: PgConn) do
  exec(conn, "CREATE TABLE samples (i2 int2, i4 int4, i8 int8, f4 float4, f8 float8, num numeric(12,3), flag bool, name text, code varchar(8), uid uuid, at timestamptz, at_local timestamp, day date, doc jsonb, pt json, note text, maybe int)", [])
  exec(conn, "INSERT INTO samples VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17)", [SqlInt(7), SqlInt(-40000), SqlInt(9007199254740993), SqlFloat(1.5), SqlFloat(-0.1), SqlText("1234.567"), SqlBool(true), SqlText("ann"), SqlText("AB"), SqlText("a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11"), SqlText("2026-02-16T12:00:00.5Z"), SqlText("2026-02-16 08:30:00"), SqlText("2026-02-17"), SqlText("{\"k\": [1, null]}"), SqlText("{\"x\": 3, \"y\": 4}"), SqlText("hi"), SqlInt(5)])
  exec(conn, "INSERT INTO samples VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17)", [SqlInt(1), SqlInt(2), SqlInt(3), SqlFloat(0.0), SqlFloat(2.0), SqlInt(10), SqlBool(false), SqlText(""), SqlText(""), SqlText("00000000-0000-0000-0000-000000000000"), SqlText("1999-12-31 23:59:59+02"), SqlText("2000-01-01"), SqlText("2000-02-29"), SqlText("[]"), SqlText("{\"x\": 0, \"y\": 0}"), SqlNull, SqlNull])
  case Pg.fetch(conn, "SELECT * FROM samples ORDER BY i2 DESC", []) do
    Ok(rows) -> List.map(rows, fn(r) -> println("${r}") end)
    Err(e) -> [println("error: ${e}")]
  end
  case Pg.fetch_as(conn, "SELECT * FROM samples ORDER BY i2 DESC", [], Sample.from_sql_row) do
    Ok(xs) -> List.map(xs, fn(s) -> println("${s.i8} ${s.num} ${s.flag} [${s.name}] ${s.uid} ${s.at} ${s.at_local} ${s.day} ${s.doc} ${s.pt.x + s.pt.y} ${s.note} ${s.maybe}") end)
    Err(e) -> [println("error: ${e}")]
  end
  # Parameters: NULL compares as unknown, typed values as their types.
  case Pg.fetch(conn, "SELECT $1::int IS NULL AS a, $2 + 1 AS b, $3 * 2 AS c, NOT $4 AS d, upper($5) AS e", [SqlNull, SqlInt(41), SqlFloat(1.25), SqlBool(false), SqlText("shout")]) do
    Ok(rows) -> println("${rows}")
    Err(e) -> println("error: ${e}")
  end
  case Pg.fetch(conn, "SELECT count(*) AS n FROM samples WHERE note IS NOT DISTINCT FROM $1", [Sql.text_or_null(None)]) do
    Ok(rows) -> println("${rows}")
    Err(e) -> println("error: ${e}")
  end
  # Decoding errors name the column.
  println(decode(conn, "SELECT 1 AS id, NULL::text AS label"))
  println(decode(conn, "SELECT 'x' AS id, 'y' AS label"))
  println(decode(conn, "SELECT 1 AS id, 2 AS label"))
  println(decode(conn, "SELECT 1 AS id"))
  println(decode(conn, "SELECT 1.5::float8 AS id, 'y' AS label"))
  println(decode(conn, "SELECT 2 AS id, 'ok' AS label"))
  case Pg.fetch_as(conn, "SELECT 1 AS x, 2 AS y, '{\"x\": 1}'::jsonb AS pt", [], Strict.from_sql_row) do
    Ok(_) -> println("unexpected")
    Err(e) -> println("error: ${e}")
  end
  # Column types without a text form here are reported, with a hint.
  case Pg.fetch(conn, "SELECT point(1, 2) AS p", []) do
    Ok(rows) -> println("${rows}")
    Err(e) -> println("error: ${e}")
  end
  case Pg.fetch(conn, "SELECT ARRAY[1, 2, NULL] AS a, ARRAY['x y', 'z'] AS b, interval '1 day 02:03:04' AS i, '\\x0aff'::bytea AS raw, 'ok'::name AS n", []) do
    Ok(rows) -> println("${rows}")
    Err(e) -> println("error: ${e}")
  end
  # The typed error of a constraint violation.
  exec(conn, "CREATE TABLE u (id int PRIMARY KEY, email text UNIQUE NOT NULL)", [])
  exec(conn, "INSERT INTO u VALUES ($1, $2)", [SqlInt(1), SqlText("a@b.c")])
  case Pg.exec(conn, "INSERT INTO u VALUES ($1, $2)", [SqlInt(2), SqlText("a@b.c")]) do
    Ok(_) -> println("unexpected")
    Err(e) -> println("${e.sqlstate} ${e.table} ${e.constraint} ${e.column} ${e.detail} | ${e.message}")
  end
  case Pg.exec(conn, "INSERT INTO u VALUES ($1, $2)", [SqlInt(3), SqlNull]) do
    Ok(_) -> println("unexpected")
    Err(e) -> println("${e.sqlstate} ${e.column} | ${Sql.tab_record(e)}")
  end
  Pg.close(conn)
  Pg.close(conn)
  case Pg.fetch(conn, "SELECT 1", []) do
    Ok(_) -> println("unexpected")
    Err(e) -> println("after close: ${e.message} [${e.sqlstate}]")
  end
end

fn decode(conn :: PgConn, sql :: String) -> String do
  case Pg.fetch_as(conn, sql, [], Strict.from_sql_row) do
    Ok(xs) -> "ok ${List.map(xs, fn(s) -> s.label end)}"
    Err(e) -> "error: ${e}"
  end
end
