# exit: 0
# Transactions: Repo/Pool/Pg.transaction commit an Ok, roll back an Err, and roll back when
# the process running the callback crashes; the connection always goes back to the pool.

fn url() -> String do
  case Env.get("DATABASE_URL") do
    Some(u) -> u
    None -> ""
  end
end

fn rows(pool :: PoolHandle) -> String do
  case Pool.query(pool, "SELECT string_agg(name, ',' ORDER BY name) AS names FROM items", []) do
    Ok(rs) -> Map.get(List.head(rs), "names")
    Err(e) -> "Err: " <> e
  end
end

fn insert(conn :: PgConn, name :: String) -> Int!String do
  Pg.execute(conn, "INSERT INTO items (name) VALUES ($1)", [name])
end

fn main() do
  case Pool.open(url(), 0, 1, 5000) do
    Ok(pool) -> run(pool)
    Err(e) -> println("open failed: " <> e)
  end
end

fn run(pool :: PoolHandle) do
  let _ = Pool.execute(pool, "CREATE TABLE items (name TEXT PRIMARY KEY)", [])
  # Commit.
  let r1 = Repo.transaction(pool, fn(conn) -> do_two(conn, "a", "b") end)
  println("commit: ${r1} -> [${rows(pool)}]")
  # The callback's Err rolls back and is returned unchanged.
  let r2 = Repo.transaction(pool, fn(conn) -> insert_then_fail(conn) end)
  println("rollback: ${r2} -> [${rows(pool)}]")
  # A failing statement inside: its error is the transaction's.
  let r3 = Repo.transaction(pool, fn(conn) -> do_two(conn, "d", "a") end)
  println("failed statement: ${r3} -> [${rows(pool)}]")
  # The process crashes inside the callback: rolled back, and the pool's only connection
  # comes back (the next query would wait forever otherwise).
  let job = Job.async(fn() -> crash_inside(pool) end)
  case Job.await(job) do
    Ok(_) -> println("not crashed")
    Err(reason) -> println("crashed: " <> reason)
  end
  println("after crash: [${rows(pool)}]")
  # Values other than Int come out of a transaction too.
  let r4 = Pool.transaction(pool, fn(conn) -> count_in(conn) end)
  println("value: ${r4}")
  # Explicit BEGIN/COMMIT on a checked-out connection; checkin rolls back a forgotten one.
  case Pool.checkout(pool) do
    Ok(conn) -> manual(pool, conn)
    Err(e) -> println("checkout: " <> e)
  end
  println("after checkin: [${rows(pool)}]")
end

fn do_two(conn :: PgConn, a :: String, b :: String) -> Int!String do
  let x = insert(conn, a)?
  let y = insert(conn, b)?
  Ok(x + y)
end

fn insert_then_fail(conn :: PgConn) -> Int!String do
  let _ = insert(conn, "c")?
  Err("changed my mind")
end

fn crash_inside(pool :: PoolHandle) -> Int do
  let _ = Repo.transaction(pool, fn(conn) -> insert_then_crash(conn) end)
  println("not reached")
  0
end

fn insert_then_crash(conn :: PgConn) -> Int!String do
  let _ = insert(conn, "zz")?
  let empty :: List<Int> = []
  Ok(List.head(empty))
end

fn count_in(conn :: PgConn) -> String!String do
  let rs = Pg.query(conn, "SELECT count(*) AS n FROM items", [])?
  Ok("items: " <> Map.get(List.head(rs), "n"))
end

fn manual(pool :: PoolHandle, conn :: PgConn) do
  println("begin: ${Pg.begin(conn)}")
  println("insert: ${insert(conn, "m")}")
  println("commit: ${Pg.commit(conn)}")
  println("begin: ${Pg.begin(conn)}")
  println("insert: ${insert(conn, "forgotten")}")
  Pool.checkin(pool, conn)
end
