//! Natives of `Pg` (single connections), `Pool` (connection pools) and `Sql` (errors):
//! everything that talks to the server. Every call that waits — connecting, checking a
//! connection out, a statement — returns [`NativeResult::Suspend`]: the calling process is
//! parked while the future runs on tokio, and no OS thread is blocked.
//!
//! Two families share the implementation:
//! * the string API of the original (`query`, `execute`, …): parameters are
//!   `List<String>`, rows are `List<Map<String, String>>` (NULL is `""`), errors are the
//!   readable line (a `String`);
//! * the typed API (`fetch`, `exec`): parameters are `List<SqlValue>` (`SqlNull` is SQL
//!   NULL), rows are `List<Map<String, SqlValue>>`, errors are `DbError` values.
//!
//! Statements go out as one extended-protocol round trip with an unnamed statement
//! (Parse/Bind/Describe/Execute/Sync); parameters are sent as text, so the server parses
//! them as the type it infers for each placeholder (`$1::uuid` works as in the original).

use super::conn::{self, ConnCell, Link, PoolInner, PoolTarget, SharedConn};
use super::error::{DbErr, DbTypes};
use super::value::{self, Cell, Raw, Style};
use crate::context::ProcessCtx;
use crate::natives::{empty_map, Args, Ret};
use mesh_vm::{Handle, NativeResult, Value};
use std::collections::VecDeque;
use std::sync::atomic::Ordering;
use std::sync::{Arc, Mutex};
use std::time::Duration;
use tokio_postgres::types::ToSql;
use tokio_postgres::{Client, Row};

/// Mesh type name of pool handles.
pub const POOL_KIND: &str = "PoolHandle";
/// Mesh type name of connections.
pub const CONN_KIND: &str = "PgConn";

/// The database types of the running program (found once per program).
pub fn db_types(ctx: &ProcessCtx) -> DbTypes {
    *ctx.shared()
        .db_types
        .get_or_init(|| DbTypes::find(ctx.types()))
}

/// A `PoolHandle` value for a pool target.
pub fn pool_value(target: PoolTarget) -> Value {
    Handle::new_value(POOL_KIND, Arc::new(target))
}

/// A `PoolHandle` whose statements all run on `client` (the migration runner's
/// connection, inside its transaction).
pub fn single_connection_pool(conn: Arc<SharedConn>) -> Value {
    pool_value(PoolTarget::Single(conn))
}

/// A `PoolHandle` that records statements instead of running them.
pub fn dry_run_pool(log: Arc<Mutex<Vec<String>>>) -> Value {
    pool_value(PoolTarget::DryRun(log))
}

fn pool_arg(a: &Args, i: usize) -> Result<Arc<PoolTarget>, String> {
    a.handle::<Arc<PoolTarget>>(i, POOL_KIND).cloned()
}

fn conn_arg(a: &Args, i: usize) -> Result<Arc<ConnCell>, String> {
    a.handle::<Arc<ConnCell>>(i, CONN_KIND).cloned()
}

/// `List<String>` parameters.
fn text_params(a: &Args, i: usize) -> Result<Vec<Cell>, String> {
    a.list(i)?
        .iter()
        .map(|v| match v {
            Value::Str(s) => Ok(Cell::Text(s.as_str().to_string())),
            other => Err(a.fail(format!(
                "parameters should be Strings, got {}",
                other.kind_name()
            ))),
        })
        .collect()
}

/// A Mesh `SqlValue` as a cell.
pub fn cell_of(v: &Value, types: &DbTypes) -> Option<Cell> {
    let (type_id, tag) = v.data_tag()?;
    if Some(type_id) != types.sql_value {
        return None;
    }
    let f = v.data_fields();
    Some(match tag {
        0 => Cell::Null,
        1 => Cell::Int(f.first()?.as_int()?),
        2 => Cell::Float(f.first()?.as_float()?),
        3 => Cell::Bool(f.first()?.as_bool()?),
        4 => Cell::Text(f.first()?.as_str()?.to_string()),
        _ => return None,
    })
}

/// A cell as a Mesh `SqlValue`.
pub fn cell_value(c: Cell, types: &DbTypes) -> Value {
    let Some(id) = types.sql_value else {
        return Value::Unit;
    };
    match c {
        Cell::Null => Value::Enum {
            type_id: id,
            tag: 0,
        },
        Cell::Int(i) => Value::data(id, 1, vec![Value::Int(i)]),
        Cell::Float(f) => Value::data(id, 2, vec![Value::Float(f)]),
        Cell::Bool(b) => Value::data(id, 3, vec![Value::Bool(b)]),
        Cell::Text(s) => Value::data(id, 4, vec![Value::str(s)]),
    }
}

/// `List<SqlValue>` parameters.
fn typed_params(ctx: &ProcessCtx, a: &Args, i: usize) -> Result<Vec<Cell>, String> {
    let types = db_types(ctx);
    a.list(i)?
        .iter()
        .map(|v| cell_of(v, &types).ok_or_else(|| a.fail("parameters should be SqlValues")))
        .collect()
}

/// What a statement call does with its result.
#[derive(Clone, Copy, PartialEq)]
pub enum Op {
    /// Rows as `List<Map<String, String>>`.
    QueryText,
    /// Rows as `List<Map<String, SqlValue>>`.
    QueryTyped,
    /// The number of rows affected.
    Execute,
    /// Several statements in one simple-protocol call, no parameters.
    Batch,
}

/// How errors are returned.
#[derive(Clone, Copy, PartialEq)]
pub enum Errs {
    /// `Err(String)` with the readable line.
    Line,
    /// `Err(DbError)`.
    Typed,
}

/// The result of a statement before it becomes a Mesh value.
pub enum Outcome {
    Rows(Vec<Row>),
    Count(u64),
    Done,
}

/// Runs one statement on a client.
pub async fn perform(
    client: &Client,
    op: Op,
    sql: &str,
    params: &[Cell],
) -> Result<Outcome, DbErr> {
    if op == Op::Batch {
        return client
            .batch_execute(sql)
            .await
            .map(|_| Outcome::Done)
            .map_err(DbErr::from_pg);
    }
    let owned: Vec<_> = params.iter().map(Cell::param).collect();
    let refs: Vec<(&(dyn ToSql + Sync), tokio_postgres::types::Type)> = owned
        .iter()
        .map(|(p, t)| (p as &(dyn ToSql + Sync), t.clone()))
        .collect();
    match op {
        Op::Execute => client
            .execute_typed(sql, &refs)
            .await
            .map(Outcome::Count)
            .map_err(DbErr::from_pg),
        _ => client
            .query_typed(sql, &refs)
            .await
            .map(Outcome::Rows)
            .map_err(DbErr::from_pg),
    }
}

fn unreadable(col: &tokio_postgres::Column, why: value::Unreadable) -> DbErr {
    DbErr::client(format!("column \"{}\": {}", col.name(), why.0))
}

/// Rows as `List<Map<String, String>>` (NULL is `""`; duplicate names: the last wins).
pub fn text_rows(rows: &[Row]) -> Result<Value, DbErr> {
    let mut out = VecDeque::with_capacity(rows.len());
    let keys: Vec<Value> = rows
        .first()
        .map(|r| r.columns().iter().map(|c| Value::str(c.name())).collect())
        .unwrap_or_default();
    for row in rows {
        let mut m = empty_map(keys.len());
        for (i, col) in row.columns().iter().enumerate() {
            let raw: Option<Raw> = row
                .try_get(i)
                .map_err(|e| DbErr::client(format!("column \"{}\": {e}", col.name())))?;
            let text = match raw {
                None => String::new(),
                Some(Raw(b)) => value::render(col.type_(), b, Style::Postgres)
                    .map_err(|u| unreadable(col, u))?,
            };
            let key = keys
                .get(i)
                .cloned()
                .unwrap_or_else(|| Value::str(col.name()));
            m.insert(key, Value::str(text));
        }
        out.push_back(Value::Map(Arc::new(m)));
    }
    Ok(Value::List(Arc::new(out)))
}

/// Rows as `List<Map<String, SqlValue>>`.
pub fn typed_rows(rows: &[Row], types: &DbTypes) -> Result<Value, DbErr> {
    let mut out = VecDeque::with_capacity(rows.len());
    let keys: Vec<Value> = rows
        .first()
        .map(|r| r.columns().iter().map(|c| Value::str(c.name())).collect())
        .unwrap_or_default();
    for row in rows {
        let mut m = empty_map(keys.len());
        for (i, col) in row.columns().iter().enumerate() {
            let raw: Option<Raw> = row
                .try_get(i)
                .map_err(|e| DbErr::client(format!("column \"{}\": {e}", col.name())))?;
            let c = value::cell(col.type_(), raw.map(|r| r.0)).map_err(|u| unreadable(col, u))?;
            let key = keys
                .get(i)
                .cloned()
                .unwrap_or_else(|| Value::str(col.name()));
            m.insert(key, cell_value(c, types));
        }
        out.push_back(Value::Map(Arc::new(m)));
    }
    Ok(Value::List(Arc::new(out)))
}

/// The Mesh result of a statement: `Ok(rows | count | ())` or `Err(line | DbError)`.
pub fn finish_outcome(r: Result<Outcome, DbErr>, op: Op, errs: Errs, types: &DbTypes) -> Value {
    let ok = r.and_then(|o| match (o, op) {
        (Outcome::Rows(rows), Op::QueryText) => text_rows(&rows),
        (Outcome::Rows(rows), _) => typed_rows(&rows, types),
        (Outcome::Count(n), _) => Ok(Value::Int(i64::try_from(n).unwrap_or(i64::MAX))),
        (Outcome::Done, _) => Ok(Value::Unit),
    });
    match ok {
        Ok(v) => Value::ok(v),
        Err(e) => err_value(e, errs, types),
    }
}

/// `Err(...)` in the requested style.
pub fn err_value(e: DbErr, errs: Errs, types: &DbTypes) -> Value {
    match errs {
        Errs::Line => Value::err_str(e.line()),
        Errs::Typed => Value::err(e.to_value(types)),
    }
}

/// What a dry run returns for a statement.
fn dry_outcome(op: Op) -> Outcome {
    match op {
        Op::QueryText | Op::QueryTyped => Outcome::Rows(Vec::new()),
        Op::Execute => Outcome::Count(0),
        Op::Batch => Outcome::Done,
    }
}

/// Takes a connection out of a pool.
async fn checkout(p: &PoolInner) -> Result<deadpool_postgres::Object, DbErr> {
    if p.closed.load(Ordering::SeqCst) {
        return Err(DbErr::client("pool is closed"));
    }
    match p.pool.get().await {
        Ok(o) => Ok(o),
        Err(deadpool_postgres::PoolError::Timeout(_)) => {
            Err(DbErr::client("pool checkout timeout"))
        }
        Err(deadpool_postgres::PoolError::Closed) => Err(DbErr::client("pool is closed")),
        Err(deadpool_postgres::PoolError::Backend(e)) => {
            Err(DbErr::from_pg(e).prefixed("pool connect"))
        }
        Err(e) => Err(DbErr::client(format!("pool connect: {e}"))),
    }
}

/// Runs a statement through a pool handle.
async fn on_pool(
    target: Arc<PoolTarget>,
    op: Op,
    sql: String,
    params: Vec<Cell>,
) -> Result<Outcome, DbErr> {
    match &*target {
        PoolTarget::Pool(p) => {
            let obj = checkout(p).await?;
            perform(&obj, op, &sql, &params).await
        }
        PoolTarget::Single(c) => {
            c.note(&sql);
            perform(&c.client, op, &sql, &params).await
        }
        PoolTarget::DryRun(log) => {
            log.lock().unwrap_or_else(|e| e.into_inner()).push(sql);
            Ok(dry_outcome(op))
        }
    }
}

/// Runs a statement on a connection.
async fn on_conn(
    cell: Arc<ConnCell>,
    op: Op,
    sql: String,
    params: Vec<Cell>,
) -> Result<Outcome, DbErr> {
    let guard = cell.link.lock().await;
    match &*guard {
        None => Err(DbErr::client("connection is closed")),
        Some(Link::Record(log)) => {
            log.lock().unwrap_or_else(|e| e.into_inner()).push(sql);
            Ok(dry_outcome(op))
        }
        Some(link) => match link.client() {
            Some(c) => {
                if let Link::Shared(s) = link {
                    s.note(&sql);
                }
                perform(c, op, &sql, &params).await
            }
            None => Err(DbErr::client("connection is closed")),
        },
    }
}

fn suspend(fut: impl std::future::Future<Output = Value> + Send + 'static) -> NativeResult {
    NativeResult::Suspend(Box::pin(async move { Ok(fut.await) }))
}

fn statement(
    ctx: &mut ProcessCtx,
    a: &mut Args,
    on: bool,
    op: Op,
    errs: Errs,
) -> Result<NativeResult, String> {
    let sql = a.str(1)?.to_string();
    let params = match op {
        Op::Batch => Vec::new(),
        Op::QueryTyped => typed_params(ctx, a, 2)?,
        _ if errs == Errs::Typed => typed_params(ctx, a, 2)?,
        _ => text_params(a, 2)?,
    };
    let types = db_types(ctx);
    Ok(if on {
        let target = pool_arg(a, 0)?;
        suspend(
            async move { finish_outcome(on_pool(target, op, sql, params).await, op, errs, &types) },
        )
    } else {
        let cell = conn_arg(a, 0)?;
        suspend(
            async move { finish_outcome(on_conn(cell, op, sql, params).await, op, errs, &types) },
        )
    })
}

fn raw(r: Result<NativeResult, String>) -> NativeResult {
    r.unwrap_or_else(NativeResult::Error)
}

// ---- Pool ---------------------------------------------------------------------------

/// `Pool.open(url, min, max, timeout_ms)`: a pool; `min` connections are opened now.
pub fn pool_open(_: &mut ProcessCtx, a: &mut Args) -> NativeResult {
    raw((|| {
        let url = a.str(0)?.to_string();
        let min = a.int(1)?.max(0) as usize;
        let max = (a.int(2)?.max(1) as usize).max(min);
        let timeout = Duration::from_millis(a.int(3)?.max(100) as u64);
        Ok(suspend(async move {
            let config = match conn::parse_url(&url) {
                Ok(c) => c,
                Err(e) => return Value::err_str(format!("pool open: {e}")),
            };
            let pool = match conn::make_pool(config, max, timeout) {
                Ok(p) => p,
                Err(e) => return Value::err_str(format!("pool open: {e}")),
            };
            let inner = PoolInner {
                pool,
                closed: Default::default(),
            };
            // Open `min` connections at once; they go back to the pool idle.
            let mut held = Vec::with_capacity(min);
            for _ in 0..min {
                match checkout(&inner).await {
                    Ok(o) => held.push(o),
                    Err(e) => {
                        inner.pool.close();
                        let msg = e.line();
                        let msg = msg.strip_prefix("pool connect: ").unwrap_or(&msg);
                        return Value::err_str(format!("pool open: {msg}"));
                    }
                }
            }
            drop(held);
            Value::ok(pool_value(PoolTarget::Pool(inner)))
        }))
    })())
}

/// `Pool.close(pool)`: closes idle connections; later calls fail with `pool is closed`.
pub fn pool_close(_: &mut ProcessCtx, a: &mut Args) -> Ret {
    if let PoolTarget::Pool(p) = &*pool_arg(a, 0)? {
        p.closed.store(true, Ordering::SeqCst);
        p.pool.close();
    }
    Ok(Value::Unit)
}

/// `Pool.checkout(pool)`: a connection of the pool for the caller alone.
pub fn pool_checkout(_: &mut ProcessCtx, a: &mut Args) -> NativeResult {
    raw((|| {
        let target = pool_arg(a, 0)?;
        Ok(suspend(async move {
            let link = match &*target {
                PoolTarget::Pool(p) => match checkout(p).await {
                    Ok(o) => Link::Pooled(o),
                    Err(e) => return Value::err_str(e.line()),
                },
                PoolTarget::Single(c) => Link::Shared(c.clone()),
                PoolTarget::DryRun(log) => Link::Record(log.clone()),
            };
            Value::ok(Handle::new_value(CONN_KIND, ConnCell::new(link)))
        }))
    })())
}

/// `Pool.checkin(pool, conn)`: gives a connection back (rolling back an open transaction).
pub fn pool_checkin(_: &mut ProcessCtx, a: &mut Args) -> NativeResult {
    raw((|| {
        let cell = conn_arg(a, 1)?;
        Ok(suspend(async move {
            let link = cell.link.lock().await.take();
            let in_tx = cell.in_tx.swap(false, Ordering::SeqCst);
            if let Some(link) = link {
                release(link, in_tx).await;
            }
            Value::Unit
        }))
    })())
}

/// Ends the use of a connection: rolls back an open transaction first; a pooled
/// connection that cannot roll back is closed instead of going back to the pool.
async fn release(link: Link, in_tx: bool) {
    match link {
        Link::Pooled(o) => {
            if in_tx && o.batch_execute("ROLLBACK").await.is_err() {
                drop(deadpool_postgres::Object::take(o));
            }
        }
        Link::Shared(c) => {
            if in_tx {
                let _ = c
                    .client
                    .batch_execute("ROLLBACK TO SAVEPOINT mesh_tx")
                    .await;
            }
        }
        Link::Direct(_) | Link::Record(_) => {}
    }
}

/// `Pool.query(pool, sql, params)`.
pub fn pool_query(ctx: &mut ProcessCtx, a: &mut Args) -> NativeResult {
    raw(statement(ctx, a, true, Op::QueryText, Errs::Line))
}

/// `Pool.execute(pool, sql, params)`.
pub fn pool_execute(ctx: &mut ProcessCtx, a: &mut Args) -> NativeResult {
    raw(statement(ctx, a, true, Op::Execute, Errs::Line))
}

/// `Pool.fetch(pool, sql, params)`: typed rows.
pub fn pool_fetch(ctx: &mut ProcessCtx, a: &mut Args) -> NativeResult {
    raw(statement(ctx, a, true, Op::QueryTyped, Errs::Typed))
}

/// `Pool.exec(pool, sql, params)`: typed parameters, `DbError` errors.
pub fn pool_exec(ctx: &mut ProcessCtx, a: &mut Args) -> NativeResult {
    raw(statement(ctx, a, true, Op::Execute, Errs::Typed))
}

/// `Pool.batch(pool, sql)`: several statements, no parameters.
pub fn pool_batch(ctx: &mut ProcessCtx, a: &mut Args) -> NativeResult {
    raw(statement(ctx, a, true, Op::Batch, Errs::Line))
}

// ---- Pg -----------------------------------------------------------------------------

/// `Pg.connect(url)`.
pub fn pg_connect(_: &mut ProcessCtx, a: &mut Args) -> NativeResult {
    raw((|| {
        let url = a.str(0)?.to_string();
        Ok(suspend(async move {
            let config = match conn::parse_url(&url) {
                Ok(c) => c,
                Err(e) => return Value::err_str(e),
            };
            match conn::connect(&config).await {
                Ok(c) => Value::ok(Handle::new_value(CONN_KIND, ConnCell::new(Link::Direct(c)))),
                Err(e) => Value::err_str(e.prefixed("connection failed").line()),
            }
        }))
    })())
}

/// `Pg.close(conn)`: closes the connection (a checked-out one goes back to its pool);
/// closing twice does nothing.
pub fn pg_close(_: &mut ProcessCtx, a: &mut Args) -> NativeResult {
    raw((|| {
        let cell = conn_arg(a, 0)?;
        Ok(suspend(async move {
            let link = cell.link.lock().await.take();
            let in_tx = cell.in_tx.swap(false, Ordering::SeqCst);
            if let Some(link) = link {
                release(link, in_tx).await;
            }
            Value::Unit
        }))
    })())
}

/// `Pg.query(conn, sql, params)`.
pub fn pg_query(ctx: &mut ProcessCtx, a: &mut Args) -> NativeResult {
    raw(statement(ctx, a, false, Op::QueryText, Errs::Line))
}

/// `Pg.execute(conn, sql, params)`.
pub fn pg_execute(ctx: &mut ProcessCtx, a: &mut Args) -> NativeResult {
    raw(statement(ctx, a, false, Op::Execute, Errs::Line))
}

/// `Pg.fetch(conn, sql, params)`.
pub fn pg_fetch(ctx: &mut ProcessCtx, a: &mut Args) -> NativeResult {
    raw(statement(ctx, a, false, Op::QueryTyped, Errs::Typed))
}

/// `Pg.exec(conn, sql, params)`.
pub fn pg_exec(ctx: &mut ProcessCtx, a: &mut Args) -> NativeResult {
    raw(statement(ctx, a, false, Op::Execute, Errs::Typed))
}

/// `Pg.batch(conn, sql)`.
pub fn pg_batch(ctx: &mut ProcessCtx, a: &mut Args) -> NativeResult {
    raw(statement(ctx, a, false, Op::Batch, Errs::Line))
}

/// Which transaction command.
#[derive(Clone, Copy)]
enum TxCmd {
    Begin,
    Commit,
    Rollback,
}

fn tx(a: &mut Args, cmd: TxCmd) -> NativeResult {
    raw((|| {
        let cell = conn_arg(a, 0)?;
        Ok(suspend(async move {
            let guard = cell.link.lock().await;
            let Some(link) = &*guard else {
                return Value::err_str("connection is closed");
            };
            let shared = ConnCell::is_shared(link);
            let sql = match (cmd, shared) {
                (TxCmd::Begin, false) => "BEGIN",
                (TxCmd::Commit, false) => "COMMIT",
                (TxCmd::Rollback, false) => "ROLLBACK",
                (TxCmd::Begin, true) => "SAVEPOINT mesh_tx",
                (TxCmd::Commit, true) => "RELEASE SAVEPOINT mesh_tx",
                (TxCmd::Rollback, true) => "ROLLBACK TO SAVEPOINT mesh_tx",
            };
            let r = match link {
                Link::Record(log) => {
                    log.lock()
                        .unwrap_or_else(|e| e.into_inner())
                        .push(sql.to_string());
                    Ok(())
                }
                other => match other.client() {
                    Some(c) => c.batch_execute(sql).await.map_err(DbErr::from_pg),
                    None => Err(DbErr::client("connection is closed")),
                },
            };
            // A failed COMMIT ends the transaction too (the server rolls it back).
            match cmd {
                TxCmd::Begin => cell.in_tx.store(r.is_ok(), Ordering::SeqCst),
                TxCmd::Commit | TxCmd::Rollback => cell.in_tx.store(false, Ordering::SeqCst),
            }
            match r {
                Ok(()) => Value::ok(Value::Unit),
                Err(e) => Value::err_str(e.line()),
            }
        }))
    })())
}

/// `Pg.begin(conn)`.
pub fn pg_begin(_: &mut ProcessCtx, a: &mut Args) -> NativeResult {
    tx(a, TxCmd::Begin)
}

/// `Pg.commit(conn)`.
pub fn pg_commit(_: &mut ProcessCtx, a: &mut Args) -> NativeResult {
    tx(a, TxCmd::Commit)
}

/// `Pg.rollback(conn)`.
pub fn pg_rollback(_: &mut ProcessCtx, a: &mut Args) -> NativeResult {
    tx(a, TxCmd::Rollback)
}

/// `Pg.tls_mode(url)`: `disable`, `prefer` or `require`, as the URL asks.
pub fn pg_tls_mode(_: &mut ProcessCtx, a: &mut Args) -> Ret {
    Ok(match conn::tls_mode(a.str(0)?) {
        Ok(m) => Value::ok(Value::str(m)),
        Err(e) => Value::err_str(e),
    })
}

// ---- Sql ----------------------------------------------------------------------------

/// `Sql.describe(e)`: the readable line of a `DbError`.
pub fn sql_describe(_: &mut ProcessCtx, a: &mut Args) -> Ret {
    let e = DbErr::from_value(a.value(0)?).ok_or_else(|| a.fail("not a DbError"))?;
    Ok(Value::str(e.line()))
}

/// `Sql.tab_record(e)`: the original's tab-separated error record.
pub fn sql_tab_record(_: &mut ProcessCtx, a: &mut Args) -> Ret {
    let e = DbErr::from_value(a.value(0)?).ok_or_else(|| a.fail("not a DbError"))?;
    Ok(Value::str(e.tab_record()))
}

/// `Sql.error_from(line)`: the `DbError` a readable line stands for.
pub fn sql_error_from(ctx: &mut ProcessCtx, a: &mut Args) -> Ret {
    let types = db_types(ctx);
    Ok(DbErr::parse_line(a.str(0)?).to_value(&types))
}
