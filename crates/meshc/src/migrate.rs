//! `meshc migrate [DIR] up|down|status|generate NAME|redo` (stdlib §18.6, ARCHITECTURE
//! decision 7): database migrations written in Mesh and run in-process.
//!
//! Migration files are `DIR/migrations/VERSION_name.mpl` defining `pub fn up(pool ::
//! PoolHandle) -> Int!String` and `pub fn down(…)`. They are ordinary modules of the project
//! (they may import project modules): the runner compiles the project once, keeping every
//! migration's `up`/`down` in the image, and calls them by qualified name in a Mesh process
//! of the runtime. Their `PoolHandle` sends every statement to the runner's connection, so
//! a migration and its tracking row commit in one transaction (a file with the line
//! `# mesh:no-transaction` runs without one, for `CREATE INDEX CONCURRENTLY`).
//!
//! Concurrent runners serialise on a PostgreSQL advisory lock held for the whole run. The
//! tracking table `_mesh_migrations(version, name, applied_at, checksum, execution_ms)`
//! records a SHA-256 of each applied file (line endings normalised), and `up`/`status`
//! refuse to go on when an applied file was edited or deleted. A migration older than the
//! newest applied one is refused unless `--allow-out-of-order`.
//!
//! This lives in `meshc` (not a crate of its own) because it is a driver: it needs the
//! compiler pipeline (`driver`) and the runtime (`mesh-rt`) together, which only `meshc`
//! depends on.

/// Prints one line to standard error with a single write (`eprintln!` writes each piece of
/// the format separately, which costs a system call per piece on unbuffered stderr).
macro_rules! say {
    ($($arg:tt)*) => {{
        use std::io::Write as _;
        let mut line = format!($($arg)*);
        line.push('\n');
        let _ = std::io::stderr().write_all(line.as_bytes());
    }};
}

use crate::driver;
use mesh_rt::natives::db::conn::{self, SharedConn};
use mesh_rt::natives::db::pg;
use mesh_rt::natives::db::query::quote_literal;
use mesh_rt::natives::db::DbErr;
use mesh_rt::output::Output;
use mesh_rt::Shared;
use mesh_vm::Value;
use std::collections::{BTreeMap, HashMap};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::{Arc, Mutex};
use std::time::Instant;

/// What to do.
#[derive(Clone, Debug, PartialEq)]
pub enum Action {
    Up,
    Down,
    Status,
    Redo,
    Generate(String),
}

/// The parsed command line of `meshc migrate`.
#[derive(Clone, Debug)]
pub struct Options {
    pub dir: PathBuf,
    pub action: Action,
    /// `up --to V`: apply up to V; `down --to V`: roll back down to V (kept).
    pub to: Option<i64>,
    /// `down --step N` / `redo --step N`.
    pub step: usize,
    pub dry_run: bool,
    pub allow_out_of_order: bool,
}

/// Splits the positional words into the project directory and the action.
pub fn parse_words(words: &[String]) -> Result<(PathBuf, Action), String> {
    let is_action = |w: &str| matches!(w, "up" | "down" | "status" | "redo" | "generate");
    let (dir, rest) = match words.first() {
        Some(w) if !is_action(w) => (PathBuf::from(w), &words[1..]),
        _ => (PathBuf::from("."), words),
    };
    let action = match rest {
        [] => Action::Up,
        [a] if a == "up" => Action::Up,
        [a] if a == "down" => Action::Down,
        [a] if a == "status" => Action::Status,
        [a] if a == "redo" => Action::Redo,
        [a] if a == "generate" => return Err("usage: meshc migrate [DIR] generate <NAME>".into()),
        [a, name] if a == "generate" => Action::Generate(name.clone()),
        other => {
            return Err(format!(
                "unexpected arguments `{}` (usage: meshc migrate [DIR] up|down|status|redo|generate NAME)",
                other.join(" ")
            ))
        }
    };
    Ok((dir, action))
}

/// The marker line that runs a migration outside a transaction.
pub const NO_TRANSACTION: &str = "# mesh:no-transaction";

/// The advisory-lock key of migration runners (`"meshmigr"`).
const LOCK_KEY: i64 = i64::from_be_bytes(*b"meshmigr");

/// One migration file.
#[derive(Clone, Debug)]
pub struct MigrationFile {
    pub version: i64,
    pub name: String,
    /// `migrations/<file>` (for messages).
    pub shown: String,
    /// The module the project compiles the file as.
    pub module: String,
    pub checksum: String,
    pub no_tx: bool,
}

impl MigrationFile {
    fn label(&self) -> String {
        format!("{}_{}", self.version, self.name)
    }
}

/// SHA-256 (hex) of a file's text with `\r\n` and `\r` line endings read as `\n`.
pub fn checksum(text: &str) -> String {
    let normalised = text.replace("\r\n", "\n").replace('\r', "\n");
    let d = ring::digest::digest(&ring::digest::SHA256, normalised.as_bytes());
    d.as_ref().iter().map(|b| format!("{b:02x}")).collect()
}

/// `(version, name)` of a migration file name, or why it is not one.
pub fn parse_file_name(file: &str) -> Result<(i64, String), String> {
    let stem = file
        .strip_suffix(".mpl")
        .ok_or_else(|| "not a .mpl file".to_string())?;
    let (v, name) = stem
        .split_once('_')
        .ok_or_else(|| "expected VERSION_name.mpl".to_string())?;
    if v.is_empty() || !v.chars().all(|c| c.is_ascii_digit()) {
        return Err(format!("`{v}` is not a version number"));
    }
    let version: i64 = v
        .parse()
        .map_err(|_| format!("version `{v}` is too large"))?;
    if name.is_empty() {
        return Err("the name after the version is empty".into());
    }
    Ok((version, name.to_string()))
}

/// Reads the migration files of `dir/migrations` in version order; warns about `.mpl`
/// files whose name is not `VERSION_name.mpl`; duplicate versions are an error.
pub fn scan(dir: &Path) -> Result<Vec<MigrationFile>, String> {
    let mdir = dir.join("migrations");
    let entries =
        std::fs::read_dir(&mdir).map_err(|e| format!("cannot read {}: {e}", mdir.display()))?;
    let mut out: Vec<MigrationFile> = Vec::new();
    let mut names: Vec<String> = entries
        .flatten()
        .filter(|e| e.file_type().map(|t| t.is_file()).unwrap_or(false))
        .map(|e| e.file_name().to_string_lossy().to_string())
        .filter(|n| n.ends_with(".mpl") && !n.starts_with('.'))
        .collect();
    names.sort();
    for file in names {
        let (version, name) = match parse_file_name(&file) {
            Ok(x) => x,
            Err(why) => {
                say!(
                    "warning: ignoring migrations/{file}: {why}; migration files are named \
                     VERSION_name.mpl (e.g. 20260216120000_create_users.mpl)"
                );
                continue;
            }
        };
        let path = mdir.join(&file);
        let text = std::fs::read_to_string(&path)
            .map_err(|e| format!("cannot read {}: {e}", path.display()))?;
        if let Some(other) = out.iter().find(|m| m.version == version) {
            return Err(format!(
                "migrations/{file} and {} have the same version {version}",
                other.shown
            ));
        }
        let rel = Path::new("migrations").join(&file);
        out.push(MigrationFile {
            version,
            name,
            shown: format!("migrations/{file}"),
            module: mesh_check::project::module_name(&rel),
            checksum: checksum(&text),
            no_tx: text.lines().any(|l| l.trim() == NO_TRANSACTION),
        });
    }
    out.sort_by_key(|m| m.version);
    Ok(out)
}

/// Entry point of `meshc migrate`.
pub fn run(opts: Options) -> ExitCode {
    if let Action::Generate(name) = &opts.action {
        return match generate(&opts.dir, name) {
            Ok(path) => {
                say!("Created migration: {path}");
                ExitCode::SUCCESS
            }
            Err(e) => fail(&e),
        };
    }
    let url = match std::env::var("DATABASE_URL") {
        Ok(u) if !u.trim().is_empty() => u,
        _ => {
            return fail("meshc migrate: DATABASE_URL environment variable is required (e.g. postgres://user:password@localhost:5432/app)")
        }
    };
    if !opts.dir.join("migrations").is_dir() {
        say!(
            "No migrations directory found. Run 'meshc migrate {}generate <name>' to create your first migration.",
            dir_arg(&opts.dir)
        );
        return ExitCode::SUCCESS;
    }
    let files = match scan(&opts.dir) {
        Ok(f) => f,
        Err(e) => return fail(&e),
    };
    if files.is_empty() {
        say!("No migration files found in migrations/");
        return ExitCode::SUCCESS;
    }
    // A panic would be a runtime bug; the scheduler reports it as a process error.
    std::panic::set_hook(Box::new(|_| {}));
    mesh_rt::tune_allocator();
    // One thread: migrations run one after another and wait on the server, so a second
    // worker would only add cross-thread wake-ups to every round trip (and take a core
    // from a server on the same machine).
    let rt = match tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
    {
        Ok(rt) => rt,
        Err(e) => return fail(&format!("cannot start the runtime: {e}")),
    };
    let code = rt.block_on(async move {
        let mut r = Runner {
            opts,
            files,
            url,
            conn: None,
            shared: None,
            functions: HashMap::new(),
            tx_open: false,
        };
        let res = r.main().await;
        r.close_open_tx().await;
        if let Some(s) = &r.shared {
            s.out().flush();
        }
        match res {
            Ok(()) => 0,
            Err(e) => {
                if !e.is_empty() {
                    say!("error: {e}");
                }
                1
            }
        }
    });
    rt.shutdown_background();
    ExitCode::from(code)
}

fn fail(msg: &str) -> ExitCode {
    say!("error: {msg}");
    ExitCode::from(1)
}

/// The DIR argument as the user would repeat it in a suggested command.
fn dir_arg(dir: &Path) -> String {
    if dir == Path::new(".") {
        String::new()
    } else {
        format!("{} ", dir.display())
    }
}

/// A row of the tracking table.
struct Applied {
    name: String,
    checksum: String,
}

struct Runner {
    opts: Options,
    files: Vec<MigrationFile>,
    url: String,
    conn: Option<Arc<SharedConn>>,
    /// The compiled project, once needed.
    shared: Option<Arc<Shared>>,
    /// Qualified function name → image index.
    functions: HashMap<String, u32>,
    /// A transaction was opened ahead for the next migration (its `BEGIN` went out with the
    /// previous migration's `COMMIT`, saving a round trip per migration).
    tx_open: bool,
}

type Res<T> = Result<T, String>;

impl Runner {
    async fn main(&mut self) -> Res<()> {
        let config = conn::parse_url(&self.url)
            .map_err(|e| format!("Failed to connect to database: {e}"))?;
        let client = conn::connect(&config)
            .await
            .map_err(|e| format!("Failed to connect to database: {}", e.line()))?;
        let c = SharedConn::new(client);
        self.conn = Some(c.clone());
        let writes = !self.opts.dry_run && self.opts.action != Action::Status;
        if writes {
            // Held until the connection closes: concurrent runners wait here.
            c.client
                .batch_execute(&format!("SELECT pg_advisory_lock({LOCK_KEY})"))
                .await
                .map_err(|e| {
                    format!(
                        "Failed to take the migration lock: {}",
                        DbErr::from_pg(e).line()
                    )
                })?;
            c.client
                .batch_execute(
                    "CREATE TABLE IF NOT EXISTS _mesh_migrations (version BIGINT PRIMARY KEY, \
                     name TEXT NOT NULL, applied_at TIMESTAMPTZ NOT NULL DEFAULT now()); \
                     ALTER TABLE _mesh_migrations ADD COLUMN IF NOT EXISTS checksum TEXT NOT NULL DEFAULT ''; \
                     ALTER TABLE _mesh_migrations ADD COLUMN IF NOT EXISTS execution_ms BIGINT NOT NULL DEFAULT 0",
                )
                .await
                .map_err(|e| format!("Failed to create tracking table: {}", DbErr::from_pg(e).line()))?;
        }
        let applied = self.applied().await?;
        match self.opts.action.clone() {
            Action::Status => self.status(&applied),
            Action::Up => {
                self.verify(&applied)?;
                self.up(&applied, None).await
            }
            Action::Down => self.down(&applied).await.map(|_| ()),
            Action::Redo => {
                self.verify(&applied)?;
                let undone = self.down(&applied).await?;
                if undone.is_empty() {
                    return Ok(());
                }
                let applied = self.applied().await?;
                self.up(&applied, Some(&undone)).await
            }
            Action::Generate(_) => Ok(()),
        }
    }

    fn conn(&self) -> Res<Arc<SharedConn>> {
        self.conn.clone().ok_or_else(|| "not connected".to_string())
    }

    /// The tracking table's rows (none if the table does not exist yet).
    async fn applied(&self) -> Res<BTreeMap<i64, Applied>> {
        let c = self.conn()?;
        let exists = c
            .client
            .query_one("SELECT to_regclass('_mesh_migrations') IS NOT NULL", &[])
            .await
            .map_err(|e| {
                format!(
                    "Failed to read applied migrations: {}",
                    DbErr::from_pg(e).line()
                )
            })?;
        if !exists.get::<_, bool>(0) {
            return Ok(BTreeMap::new());
        }
        let has_checksum = c
            .client
            .query_one(
                "SELECT count(*) FROM information_schema.columns WHERE table_name = '_mesh_migrations' \
                 AND column_name = 'checksum' AND table_schema = current_schema()",
                &[],
            )
            .await
            .map(|r| r.get::<_, i64>(0) > 0)
            .unwrap_or(false);
        let sql = if has_checksum {
            "SELECT version, name, checksum FROM _mesh_migrations ORDER BY version"
        } else {
            "SELECT version, name, '' FROM _mesh_migrations ORDER BY version"
        };
        let rows = c.client.query(sql, &[]).await.map_err(|e| {
            format!(
                "Failed to read applied migrations: {}",
                DbErr::from_pg(e).line()
            )
        })?;
        Ok(rows
            .iter()
            .map(|r| {
                (
                    r.get::<_, i64>(0),
                    Applied {
                        name: r.get::<_, String>(1),
                        checksum: r.get::<_, String>(2),
                    },
                )
            })
            .collect())
    }

    /// Problems with applied migrations: a file edited after it was applied, or deleted.
    fn problems(&self, applied: &BTreeMap<i64, Applied>) -> Vec<String> {
        let mut out = Vec::new();
        for (v, a) in applied {
            match self.files.iter().find(|f| f.version == *v) {
                None => out.push(format!(
                    "migration {v}_{} was applied but its file migrations/{v}_{}.mpl is missing",
                    a.name, a.name
                )),
                Some(f) if !a.checksum.is_empty() && a.checksum != f.checksum => out.push(format!(
                    "{} was edited after it was applied (its checksum differs from the one recorded); \
                     restore it, or write a new migration for the change",
                    f.shown
                )),
                Some(_) => {}
            }
        }
        out
    }

    fn verify(&self, applied: &BTreeMap<i64, Applied>) -> Res<()> {
        let problems = self.problems(applied);
        if problems.is_empty() {
            return Ok(());
        }
        for p in &problems {
            say!("error: {p}");
        }
        Err(String::new())
    }

    fn status(&self, applied: &BTreeMap<i64, Applied>) -> Res<()> {
        let newest = applied.keys().next_back().copied();
        say!("Migration Status:");
        let mut n_applied = 0;
        for f in &self.files {
            if applied.contains_key(&f.version) {
                n_applied += 1;
                say!("  [x] {}", f.label());
            } else if newest.is_some_and(|n| f.version < n) {
                say!(
                    "  [ ] {} (older than the newest applied migration: needs --allow-out-of-order)",
                    f.label()
                );
            } else {
                say!("  [ ] {}", f.label());
            }
        }
        say!(
            "{n_applied} applied, {} pending",
            self.files.len() - n_applied
        );
        self.verify(applied)
    }

    /// Compiles the project with every migration's `up`/`down` kept in the image.
    fn compile(&mut self) -> Res<Arc<Shared>> {
        if let Some(s) = &self.shared {
            return Ok(s.clone());
        }
        let wanted: std::collections::HashSet<String> = self
            .files
            .iter()
            .flat_map(|f| [format!("{}.up", f.module), format!("{}.down", f.module)])
            .collect();
        let image = driver::compile_keeping(&self.opts.dir, driver::Report::default(), |n| {
            wanted.contains(n)
        })
        .ok_or_else(|| {
            "Failed to compile the project's migrations (see the errors above)".to_string()
        })?;
        for (i, f) in image.functions.iter().enumerate() {
            if wanted.contains(&f.name) {
                self.functions.insert(f.name.clone(), i as u32);
            }
        }
        let program = mesh_vm::Program::load(image).map_err(|e| e.to_string())?;
        let shared = Shared::new(program, Vec::new(), Output::stdio())?;
        // The runner is an active thing for the scheduler: the program must not end when
        // the last migration process does.
        shared.sched().enter();
        self.shared = Some(shared.clone());
        Ok(shared)
    }

    /// The image index of `file`'s `up` or `down`.
    fn function(&self, file: &MigrationFile, which: &str) -> Res<u32> {
        self.functions
            .get(&format!("{}.{which}", file.module))
            .copied()
            .ok_or_else(|| {
                format!(
                    "{} does not define `pub fn {which}(pool :: PoolHandle) -> Int!String`",
                    file.shown
                )
            })
    }

    /// Runs `up` of the pending migrations (or of `only`).
    async fn up(&mut self, applied: &BTreeMap<i64, Applied>, only: Option<&[i64]>) -> Res<()> {
        let newest = applied.keys().next_back().copied();
        let pending: Vec<MigrationFile> = self
            .files
            .iter()
            // A dry `redo` rolled nothing back, so its `up` half runs the applied files.
            .filter(|f| !applied.contains_key(&f.version) || (self.opts.dry_run && only.is_some()))
            .filter(|f| only.is_none_or(|o| o.contains(&f.version)))
            .filter(|f| self.opts.to.is_none_or(|t| f.version <= t))
            .cloned()
            .collect();
        if only.is_none() && !self.opts.allow_out_of_order {
            if let Some(n) = newest {
                let late: Vec<&MigrationFile> = pending.iter().filter(|f| f.version < n).collect();
                if !late.is_empty() {
                    for f in &late {
                        say!(
                            "error: {} (version {}) is older than the newest applied migration ({n}) and was not applied",
                            f.shown, f.version
                        );
                    }
                    return Err("refusing to apply migrations out of order; run with --allow-out-of-order to apply them anyway".into());
                }
            }
        }
        if pending.is_empty() {
            say!("No pending migrations");
            return Ok(());
        }
        self.compile()?;
        say!("Running {} pending migration(s):", pending.len());
        for (i, f) in pending.iter().enumerate() {
            say!("  Applying: {}", f.label());
            let started = Instant::now();
            let next_tx = pending.get(i + 1).is_some_and(|n| !n.no_tx);
            self.apply(f, "up", next_tx).await?;
            if !self.opts.dry_run {
                say!(
                    "  Applied:  {} ({} ms)",
                    f.label(),
                    started.elapsed().as_millis()
                );
            }
        }
        if self.opts.dry_run {
            say!("Dry run: nothing was applied");
        } else {
            say!("Applied {} migration(s)", pending.len());
        }
        Ok(())
    }

    /// Rolls back the newest applied migrations; returns their versions.
    async fn down(&mut self, applied: &BTreeMap<i64, Applied>) -> Res<Vec<i64>> {
        let targets: Vec<i64> = match (self.opts.to, self.opts.action == Action::Down) {
            (Some(t), true) => applied.keys().rev().filter(|v| **v > t).copied().collect(),
            _ => applied
                .keys()
                .rev()
                .take(self.opts.step.max(1))
                .copied()
                .collect(),
        };
        if targets.is_empty() {
            say!("No migrations to roll back");
            return Ok(Vec::new());
        }
        let mut files = Vec::new();
        for v in &targets {
            let name = applied.get(v).map(|a| a.name.clone()).unwrap_or_default();
            let f = self
                .files
                .iter()
                .find(|f| f.version == *v)
                .cloned()
                .ok_or_else(|| {
                    format!("Migration file for version {v} ({v}_{name}) not found in migrations/")
                })?;
            if let Some(a) = applied.get(v) {
                if !a.checksum.is_empty() && a.checksum != f.checksum {
                    return Err(format!(
                        "{} was edited after it was applied; its `down` may not match what `up` did",
                        f.shown
                    ));
                }
            }
            files.push(f);
        }
        self.compile()?;
        for (i, f) in files.iter().enumerate() {
            say!("Rolling back: {}", f.label());
            let next_tx = files.get(i + 1).is_some_and(|n| !n.no_tx);
            self.apply(f, "down", next_tx).await?;
            if !self.opts.dry_run {
                say!("Rolled back: {}", f.label());
            }
        }
        Ok(targets)
    }

    /// Ends a transaction opened ahead for a migration that did not run.
    async fn close_open_tx(&mut self) {
        if std::mem::take(&mut self.tx_open) {
            if let Some(c) = &self.conn {
                let _ = c.client.batch_execute("ROLLBACK").await;
            }
        }
    }

    /// Runs `which` (`up`/`down`) of one migration and records it, in one transaction
    /// unless the file opts out. With `next_tx`, the `BEGIN` of the next migration is sent
    /// together with this one's `COMMIT`.
    async fn apply(&mut self, f: &MigrationFile, which: &str, next_tx: bool) -> Res<()> {
        let shared = self.compile()?;
        let func = self.function(f, which)?;
        if self.opts.dry_run {
            let log = Arc::new(Mutex::new(Vec::new()));
            let r = mesh_rt::scheduler::call_function(
                &shared,
                func,
                vec![pg::dry_run_pool(log.clone())],
            )
            .await;
            outcome(r).map_err(|m| {
                format!(
                    "Migration {} ({which}) failed in the dry run: {m}",
                    f.label()
                )
            })?;
            println!(
                "-- {} ({which}){}",
                f.label(),
                if f.no_tx { ", no transaction" } else { "" }
            );
            for s in log.lock().unwrap_or_else(|e| e.into_inner()).iter() {
                println!("{s};");
            }
            return Ok(());
        }
        let c = self.conn()?;
        let record = match which {
            "up" => format!(
                "INSERT INTO _mesh_migrations (version, name, checksum, execution_ms) VALUES ({}, {}, {}, {{ms}})",
                f.version,
                quote_literal(&f.name),
                quote_literal(&f.checksum)
            ),
            _ => format!("DELETE FROM _mesh_migrations WHERE version = {}", f.version),
        };
        let db = |e: tokio_postgres::Error| DbErr::from_pg(e).line();
        if f.no_tx {
            self.close_open_tx().await;
        } else if !std::mem::take(&mut self.tx_open) {
            c.client
                .batch_execute("BEGIN")
                .await
                .map_err(|e| format!("Migration {} failed: BEGIN: {}", f.label(), db(e)))?;
        }
        *c.last.lock().unwrap_or_else(|e| e.into_inner()) = None;
        let started = Instant::now();
        let r = mesh_rt::scheduler::call_function(
            &shared,
            func,
            vec![pg::single_connection_pool(c.clone())],
        )
        .await;
        if let Err(msg) = outcome(r) {
            let statement = c.last_statement();
            if !f.no_tx {
                let _ = c.client.batch_execute("ROLLBACK").await;
            }
            say!("error: Migration {} ({which}) failed: {msg}", f.label());
            say!("  file: {}", f.shown);
            if let Some(s) = statement {
                say!("  last statement: {s}");
            }
            say!(
                "  {}",
                if f.no_tx {
                    "this migration runs without a transaction: statements before the failure stay applied; nothing was recorded"
                } else {
                    "its changes were rolled back and nothing was recorded"
                }
            );
            return Err(String::new());
        }
        let ms = started.elapsed().as_millis();
        let record = record.replace("{ms}", &ms.to_string());
        let mut finish = if f.no_tx {
            record
        } else {
            format!("{record}; COMMIT")
        };
        if next_tx {
            finish.push_str("; BEGIN");
        }
        if let Err(e) = c.client.batch_execute(&finish).await {
            let msg = db(e);
            if !f.no_tx {
                let _ = c.client.batch_execute("ROLLBACK").await;
            }
            let hint = if msg.contains("25P02") {
                " (a statement of the migration failed and its error was ignored; the transaction was rolled back)"
            } else {
                ""
            };
            // The batch stopped at the failure: the `BEGIN` ahead was not sent.
            return Err(format!(
                "Failed to record migration {} ({}): {msg}{hint}",
                f.label(),
                f.shown
            ));
        }
        self.tx_open = next_tx;
        Ok(())
    }
}

/// The outcome of a migration function: `Ok`, or the message of its `Err` or crash.
fn outcome(r: Result<Value, String>) -> Result<(), String> {
    let v = r?;
    match v.data_tag() {
        Some((mesh_vm::value::builtin_types::RESULT, 0)) => Ok(()),
        Some((mesh_vm::value::builtin_types::RESULT, 1)) => Err(v
            .data_fields()
            .first()
            .and_then(|e| e.as_str())
            .unwrap_or("error")
            .to_string()),
        _ => Err("the migration function must return Int!String".into()),
    }
}

/// `(year, month, day, hour, minute, second)` in UTC of a Unix time.
fn utc(secs: i64) -> (i64, u32, u32, u32, u32, u32) {
    let days = secs.div_euclid(86_400);
    let rest = secs.rem_euclid(86_400);
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let m = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    let y = yoe + era * 400 + i64::from(m <= 2);
    (
        y,
        m,
        d,
        (rest / 3600) as u32,
        ((rest / 60) % 60) as u32,
        (rest % 60) as u32,
    )
}

fn version_of(secs: i64) -> i64 {
    let (y, mo, d, h, mi, s) = utc(secs);
    format!("{y:04}{mo:02}{d:02}{h:02}{mi:02}{s:02}")
        .parse()
        .unwrap_or(0)
}

/// `meshc migrate generate NAME`: writes `migrations/<UTC timestamp>_NAME.mpl`. The
/// version is the current time, moved on by seconds past any existing version, so a new
/// file never overwrites or collides with another and always sorts last.
pub fn generate(dir: &Path, name: &str) -> Result<String, String> {
    if name.is_empty() {
        return Err("Migration name cannot be empty".into());
    }
    if !name
        .chars()
        .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_')
    {
        return Err(
            "Migration name must contain only lowercase letters, digits, and underscores".into(),
        );
    }
    let mdir = dir.join("migrations");
    std::fs::create_dir_all(&mdir).map_err(|e| format!("cannot create {}: {e}", mdir.display()))?;
    let existing: Vec<i64> = std::fs::read_dir(&mdir)
        .map_err(|e| format!("cannot read {}: {e}", mdir.display()))?
        .flatten()
        .filter_map(|e| parse_file_name(&e.file_name().to_string_lossy()).ok())
        .map(|(v, _)| v)
        .collect();
    let now = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_secs() as i64)
        .unwrap_or(0);
    let max = existing.iter().copied().max().unwrap_or(0);
    let mut secs = now;
    let mut version = version_of(secs);
    while version <= max {
        secs += 1;
        version = version_of(secs);
    }
    let (y, mo, d, h, mi, s) = utc(secs);
    let file = format!("{version}_{name}.mpl");
    let path = mdir.join(&file);
    let text = scaffold(
        name,
        &format!("{y:04}-{mo:02}-{d:02} {h:02}:{mi:02}:{s:02} UTC"),
    );
    // `create_new` refuses to replace a file that appeared meanwhile.
    use std::io::Write;
    let mut out = std::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(&path)
        .map_err(|e| format!("cannot create {}: {e}", path.display()))?;
    out.write_all(text.as_bytes())
        .map_err(|e| format!("cannot write {}: {e}", path.display()))?;
    Ok(format!("migrations/{file}"))
}

/// The text of a new migration file.
fn scaffold(name: &str, when: &str) -> String {
    format!(
        r#"# Migration: {name}
# Generated: {when}
#
# `meshc migrate up` runs `up`; `meshc migrate down` runs `down`, which must undo it.
# Both receive a PoolHandle whose statements run inside this migration's transaction:
# if `up` returns Err (or crashes), everything it did is rolled back and nothing is
# recorded. Return Ok(_) when done; `?` passes errors on.
#
# Statements that cannot run inside a transaction (CREATE INDEX CONCURRENTLY) need the
# line `{NO_TRANSACTION}` on its own at the top of the file.
#
# This file is a module of the project: it may import the project's modules. Once it is
# applied, do not edit it (meshc checks a checksum); write a new migration instead.
# Helpers: Migration.create_table / drop_table / add_column / drop_column /
# rename_column / create_index / drop_index / add_foreign_key / alter_column_type /
# alter_column_null / alter_column_default / create_extension / create_partitioned_table /
# create_partition / execute, and Pool.execute(pool, sql, params) for anything else.

pub fn up(pool :: PoolHandle) -> Int!String do
  # Migration.create_table(pool, "users", [
  #   "id:UUID:PRIMARY KEY DEFAULT gen_random_uuid()",
  #   "name:TEXT:NOT NULL",
  #   "email:TEXT:NOT NULL UNIQUE",
  #   "inserted_at:TIMESTAMPTZ:NOT NULL DEFAULT now()"
  # ])?
  # Migration.create_index(pool, "users", ["email"], "unique:true")?
  # Migration.add_column(pool, "users", "age:INTEGER")?
  # Migration.execute(pool, "CREATE EXTENSION IF NOT EXISTS pgcrypto")?
  Ok(0)
end

pub fn down(pool :: PoolHandle) -> Int!String do
  # Migration.drop_index(pool, "users", ["email"])?
  # Migration.drop_column(pool, "users", "age")?
  # Migration.drop_table(pool, "users")?
  Ok(0)
end
"#
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words() {
        let w = |xs: &[&str]| xs.iter().map(|s| s.to_string()).collect::<Vec<_>>();
        assert_eq!(parse_words(&w(&[])), Ok((PathBuf::from("."), Action::Up)));
        assert_eq!(
            parse_words(&w(&["app", "status"])),
            Ok((PathBuf::from("app"), Action::Status))
        );
        assert_eq!(
            parse_words(&w(&["generate", "add_users"])),
            Ok((PathBuf::from("."), Action::Generate("add_users".into())))
        );
        assert!(parse_words(&w(&["app", "sideways"])).is_err());
    }

    #[test]
    fn file_names() {
        assert_eq!(
            parse_file_name("20260216120000_create_initial_schema.mpl"),
            Ok((20260216120000, "create_initial_schema".into()))
        );
        assert!(parse_file_name("create.mpl").is_err());
        assert!(parse_file_name("v1_create.mpl").is_err());
        assert!(parse_file_name("123_.mpl").is_err());
    }

    #[test]
    fn checksums_ignore_line_endings() {
        assert_eq!(checksum("a\r\nb\r\n"), checksum("a\nb\n"));
        assert_ne!(checksum("a\nb\n"), checksum("a\nc\n"));
    }

    #[test]
    fn utc_versions() {
        assert_eq!(version_of(0), 19700101000000);
        assert_eq!(version_of(1_771_243_200), 20260216120000);
    }
}
