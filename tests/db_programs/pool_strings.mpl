# Pool and Repo with the original's string API: text rows (NULL is ""), affected-row
# counts, errors as readable lines, the pool's own errors.

fn url() -> String do
  case Env.get("DATABASE_URL") do
    Some(u) -> u
    None -> ""
  end
end

fn show(r :: List<Map<String, String>>!String) -> String do
  case r do
    Ok(rows) -> "${rows}"
    Err(e) -> "Err: " <> e
  end
end

fn count(r :: Int!String) -> String do
  case r do
    Ok(n) -> "Ok(${n})"
    Err(e) -> "Err: " <> e
  end
end

fn main() do
  case Pool.open(url(), 1, 2, 1000) do
    Ok(pool) -> run(pool)
    Err(e) -> println("open failed: " <> e)
  end
end

fn run(pool :: PoolHandle) do
  println(count(Pool.execute(pool, "CREATE TABLE users (id BIGSERIAL PRIMARY KEY, email TEXT NOT NULL UNIQUE, age INT, score REAL, admin BOOLEAN, born DATE, seen TIMESTAMPTZ, meta JSONB)", [])))
  println(count(Pool.execute(pool, "INSERT INTO users (email, age, score, admin, born, seen, meta) VALUES ($1, $2::int, $3, $4, $5, $6, $7)", ["ann@x.org", "31", "2.5", "true", "1995-03-04", "2026-02-16 12:00:00.25+00", "{\"a\": [1, 2]}"])))
  println(count(Pool.execute(pool, "INSERT INTO users (email) VALUES ($1), ($2)", ["bob@x.org", "cy@x.org"])))
  println(show(Pool.query(pool, "SELECT email, age, score, admin, born, seen, meta, NULL AS nothing FROM users ORDER BY id", [])))
  println(show(Pool.query(pool, "SELECT count(*) AS n, sum(age) AS total, avg(age)::numeric(10,2) AS mean FROM users", [])))
  println(count(Pool.execute(pool, "UPDATE users SET age = age + 1 WHERE age IS NOT NULL", [])))
  println(count(Pool.execute(pool, "DELETE FROM users WHERE email LIKE $1", ["%cy%"])))
  # Errors from the server: a readable line.
  println(count(Pool.execute(pool, "INSERT INTO users (email) VALUES ($1)", ["ann@x.org"])))
  println(show(Pool.query(pool, "SELEC 1", [])))
  println(show(Pool.query(pool, "SELECT * FROM nowhere", [])))
  println(count(Pool.execute(pool, "INSERT INTO users (email, age) VALUES ($1, $2)", ["dan@x.org", "not a number"])))
  println(count(Pool.execute(pool, "SELECT 1; SELECT 2", [])))
  # Repo's raw forms are the pool's.
  println(show(Repo.query_raw(pool, "SELECT email FROM users WHERE age > $1::int ORDER BY email", ["0"])))
  println(count(Repo.execute_raw(pool, "UPDATE users SET admin = false", [])))
  # Checkout timeout: both connections are taken.
  case Pool.checkout(pool) do
    Ok(c1) -> case Pool.checkout(pool) do
      Ok(c2) -> timeout_then_release(pool, c1, c2)
      Err(e) -> println("second checkout: " <> e)
    end
    Err(e) -> println("first checkout: " <> e)
  end
  Pool.close(pool)
  println(show(Pool.query(pool, "SELECT 1", [])))
  println(count(Pool.execute(pool, "SELECT 1", [])))
end

fn timeout_then_release(pool :: PoolHandle, c1 :: PgConn, c2 :: PgConn) do
  println(show(Pool.query(pool, "SELECT 1 AS one", [])))
  Pool.checkin(pool, c1)
  println(show(Pool.query(pool, "SELECT 1 AS one", [])))
  Pool.checkin(pool, c2)
  # A checked-in connection cannot be used any more.
  println(show(Pg.query(c1, "SELECT 1", [])))
end
