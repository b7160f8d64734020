# Connecting: URL errors, TLS modes (sslmode=disable|prefer|require; the test server has no
# TLS, so `require` fails and `prefer` falls back to plaintext), refused connections, bad
# credentials; the structured error behind a readable line.

fn url() -> String do
  case Env.get("DATABASE_URL") do
    Some(u) -> u
    None -> ""
  end
end

fn with_mode(mode :: String) -> String do
  let base = List.head(String.split(url(), "?"))
  base <> "?sslmode=" <> mode
end

fn try_connect(label :: String, u :: String) do
  case Pg.connect(u) do
    Ok(conn) -> connected(label, conn)
    Err(e) -> println(label <> ": " <> redact(e))
  end
end

# Error texts from the OS vary in detail; keep their stable start.
fn redact(e :: String) -> String do
  if String.contains(e, "Connection refused") do "connection failed: (refused)" else e end
end

fn connected(label :: String, conn :: PgConn) do
  case Pg.query(conn, "SELECT 1 + 1 AS two", []) do
    Ok(rows) -> println(label <> ": connected ${rows}")
    Err(e) -> println(label <> ": " <> e)
  end
  Pg.close(conn)
end

fn main() do
  println("${Pg.tls_mode("postgres://u:p@h/db")} ${Pg.tls_mode("postgres://u:p@h/db?sslmode=disable")} ${Pg.tls_mode("postgresql://u:p@h:5433/db?sslmode=prefer")} ${Pg.tls_mode("postgres://u@h/db?sslmode=require")}")
  println("${Pg.tls_mode("postgres://u@h/db?sslmode=sometimes")}")
  println("${Pg.tls_mode("http://h/db")}")
  try_connect("disable", with_mode("disable"))
  try_connect("prefer", with_mode("prefer"))
  try_connect("require", with_mode("require"))
  try_connect("bad scheme", "mysql://u@h/db")
  try_connect("bad port", "postgres://u:p@127.0.0.1:99999/db")
  try_connect("refused", "postgres://u:p@127.0.0.1:1/db?sslmode=disable")
  try_connect("password", String.replace(with_mode("disable"), "mesh:mesh@", "mesh:wrong@"))
  try_connect("database", String.replace(with_mode("disable"), "/" <> database(), "/no_such_db"))
  case Pool.open("postgres://u:p@127.0.0.1:1/db?sslmode=disable", 1, 2, 500) do
    Ok(_) -> println("unexpected")
    Err(e) -> println("pool: " <> redact_pool(e))
  end
  case Pool.open("postgres://u:p@127.0.0.1:1/db?sslmode=disable", 0, 2, 500) do
    Ok(pool) -> println("lazy pool: ${Pool.query(pool, "SELECT 1", [])}")
    Err(e) -> println("unexpected: " <> e)
  end
  # The structured error behind a readable line, and back.
  let line = "duplicate key value violates unique constraint \"users_email_key\" (SQLSTATE 23505; table \"users\"; constraint \"users_email_key\"; detail \"Key (email)=(a@b.c) already exists.\")"
  let e = Sql.error_from(line)
  println("${e.sqlstate} ${e.table} ${e.constraint} ${e.column} ${e.detail}")
  println("${Sql.describe(e) == line} ${e}")
  let c = Sql.error_from("pool is closed")
  println("[${c.sqlstate}] ${c.message}")
end

fn database() -> String do
  let parts = String.split(List.head(String.split(url(), "?")), "/")
  List.last(parts)
end

fn redact_pool(e :: String) -> String do
  if String.contains(e, "Connection refused") do "pool open: connection failed (refused)" else e end
end
