//! `meshc migrate` against a real server: the Mesher schema fixture compared with the
//! catalog, idempotent re-runs, concurrent runners, a migration failing half-way, edited and
//! deleted files, ordering, dry runs, the transaction opt-out, and the failure messages.

use super::{fresh_db, meshc, repo, sql, text};
use std::path::{Path, PathBuf};
use std::process::Output;

/// A scratch project directory with a `main.mpl` and the given migration files.
fn project(name: &str, migrations: &[(&str, &str)]) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("mesh-migrate-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(dir.join("migrations")).expect("mkdir");
    std::fs::write(
        dir.join("main.mpl"),
        "fn main() do\n  println(\"app\")\nend\n",
    )
    .expect("write");
    for (file, body) in migrations {
        std::fs::write(dir.join("migrations").join(file), body).expect("write");
    }
    dir
}

fn migrate(url: &str, dir: &Path, args: &[&str]) -> Output {
    meshc(url)
        .arg("migrate")
        .arg(dir)
        .args(args)
        .output()
        .expect("run meshc")
}

/// A migration whose `up` runs `stmts` and whose `down` runs `downs`.
fn sql_migration(stmts: &[&str], downs: &[&str]) -> String {
    let body = |xs: &[&str]| {
        let mut s = String::new();
        for x in xs {
            s.push_str(&format!(
                "  Pool.execute(pool, \"{}\", [])?\n",
                x.replace('"', "\\\"")
            ));
        }
        s.push_str("  Ok(0)\n");
        s
    };
    format!(
        "pub fn up(pool :: PoolHandle) -> Int!String do\n{}end\n\npub fn down(pool :: PoolHandle) -> Int!String do\n{}end\n",
        body(stmts),
        body(downs)
    )
}

const CATALOG: &str = "
SELECT 'table', c.relname, c.relkind::text FROM pg_class c WHERE c.relnamespace = 'public'::regnamespace AND c.relkind IN ('r','p') AND NOT c.relispartition AND c.relname <> '_mesh_migrations' ORDER BY 2;
SELECT 'column', table_name, column_name, data_type, is_nullable, coalesce(column_default, '') FROM information_schema.columns WHERE table_schema = 'public' AND table_name IN ('organizations','users','org_memberships','sessions','projects','api_keys','issues','events','alert_rules','alerts') ORDER BY table_name, ordinal_position;
SELECT 'index', tablename, indexname, indexdef FROM pg_indexes WHERE schemaname = 'public' AND tablename IN ('organizations','users','org_memberships','sessions','projects','api_keys','issues','events','alert_rules','alerts') ORDER BY tablename, indexname;
SELECT 'constraint', conrelid::regclass::text, conname, pg_get_constraintdef(oid) FROM pg_constraint WHERE connamespace = 'public'::regnamespace AND conrelid::regclass::text NOT LIKE 'events\\_%' AND conrelid::regclass::text <> '_mesh_migrations' ORDER BY 2, 3;
SELECT 'partitioned', c.relname, pg_get_partkeydef(c.oid) FROM pg_class c WHERE c.relkind = 'p' AND c.relnamespace = 'public'::regnamespace ORDER BY 2;
SELECT 'partition', c.relname, pg_get_expr(c.relpartbound, c.oid) FROM pg_class c WHERE c.relispartition AND c.relkind = 'r' AND c.relnamespace = 'public'::regnamespace ORDER BY 2;
SELECT 'extension', extname FROM pg_extension WHERE extname = 'pgcrypto';
";

fn catalog(url: &str) -> String {
    sql(url, CATALOG)
        .iter()
        .map(|r| r.join(" | "))
        .collect::<Vec<_>>()
        .join("\n")
}

#[test]
fn mesher_schema_up_status_rerun_and_down() {
    let url = fresh_db("mesher_schema");
    let dir = repo().join("tests/migrations/mesher_schema");
    // The reference: the schema written by hand as plain SQL from mesher.md §3, applied to a
    // second database. The Mesh migrations must produce exactly its catalog.
    let reference_url = fresh_db("mesher_schema_reference");
    let reference_sql = std::fs::read_to_string(repo().join("tests/migrations/mesher_schema.sql"))
        .expect("read the reference schema");
    sql(&reference_url, &reference_sql);
    let want = catalog(&reference_url);
    assert!(want.lines().count() > 100, "the reference catalog is empty");

    let o = migrate(&url, &dir, &["up"]);
    let (_, err) = text(&o);
    assert!(o.status.success(), "{err}");
    assert!(err.contains("Applied 2 migration(s)"), "{err}");
    let got = catalog(&url);
    let missing: Vec<&str> = want
        .lines()
        .filter(|l| !got.lines().any(|g| g == *l))
        .collect();
    let extra: Vec<&str> = got
        .lines()
        .filter(|l| !want.lines().any(|w| w == *l))
        .collect();
    assert!(
        missing.is_empty() && extra.is_empty() && got == want,
        "the migrations' catalog differs from tests/migrations/mesher_schema.sql's\nmissing:\n{}\nunexpected:\n{}",
        missing.join("\n"),
        extra.join("\n")
    );
    let explicit_indexes = got
        .lines()
        .filter(|l| l.starts_with("index | ") && l.contains("| idx_"))
        .count();
    assert_eq!(explicit_indexes, 19);

    let o = migrate(&url, &dir, &["status"]);
    let (_, err) = text(&o);
    assert!(o.status.success(), "{err}");
    assert_eq!(
        err,
        "Migration Status:\n  [x] 20260216120000_create_initial_schema\n  [x] 20260216120100_create_event_partitions\n2 applied, 0 pending\n"
    );

    // Re-running `up` is a no-op.
    let o = migrate(&url, &dir, &["up"]);
    let (_, err) = text(&o);
    assert!(o.status.success(), "{err}");
    assert_eq!(err, "No pending migrations\n");
    assert_eq!(catalog(&url), got);

    let o = migrate(&url, &dir, &["down", "--step", "2"]);
    let (_, err) = text(&o);
    assert!(o.status.success(), "{err}");
    assert!(
        err.contains("Rolled back: 20260216120000_create_initial_schema"),
        "{err}"
    );
    assert_eq!(catalog(&url), "");
    assert_eq!(sql(&url, "SELECT count(*) FROM _mesh_migrations"), [["0"]]);
    let o = migrate(&url, &dir, &["status"]);
    assert!(text(&o).1.ends_with("0 applied, 2 pending\n"));
}

#[test]
fn concurrent_runners_apply_each_migration_once() {
    let url = fresh_db("concurrent");
    let mut files = vec![(
        "1000_log.mpl".to_string(),
        sql_migration(
            &["CREATE TABLE log (v BIGINT NOT NULL)"],
            &["DROP TABLE log"],
        ),
    )];
    for i in 1..=15 {
        files.push((
            format!("{}_step{i}.mpl", 1000 + i),
            sql_migration(
                &[
                    &format!("CREATE TABLE t{i} (id INT)"),
                    &format!("INSERT INTO log VALUES ({i})"),
                    "SELECT pg_sleep(0.01)",
                ],
                &[&format!("DROP TABLE t{i}")],
            ),
        ));
    }
    let refs: Vec<(&str, &str)> = files
        .iter()
        .map(|(a, b)| (a.as_str(), b.as_str()))
        .collect();
    let dir = project("concurrent", &refs);
    let spawn = || {
        meshc(&url)
            .arg("migrate")
            .arg(&dir)
            .arg("up")
            .stdout(std::process::Stdio::piped())
            .stderr(std::process::Stdio::piped())
            .spawn()
            .expect("spawn meshc")
    };
    let (a, b) = (spawn(), spawn());
    let (a, b) = (
        a.wait_with_output().expect("a"),
        b.wait_with_output().expect("b"),
    );
    assert!(a.status.success(), "{}", text(&a).1);
    assert!(b.status.success(), "{}", text(&b).1);
    assert_eq!(
        sql(&url, "SELECT count(*), count(DISTINCT v) FROM log"),
        [["15", "15"]]
    );
    assert_eq!(sql(&url, "SELECT count(*) FROM _mesh_migrations"), [["16"]]);
    let applied = [text(&a).1, text(&b).1]
        .iter()
        .map(|e| e.matches("  Applied:  ").count())
        .sum::<usize>();
    assert_eq!(
        applied, 16,
        "each migration is applied by exactly one runner"
    );
}

#[test]
fn a_migration_failing_in_its_third_statement_changes_nothing() {
    let url = fresh_db("third_fails");
    let dir = project(
        "third_fails",
        &[
            (
                "1_base.mpl",
                &sql_migration(&["CREATE TABLE base (id INT)"], &["DROP TABLE base"]),
            ),
            (
                "2_broken.mpl",
                &sql_migration(
                    &[
                        "CREATE TABLE half (id INT)",
                        "INSERT INTO half VALUES (1)",
                        "INSERT INTO missing_table VALUES (1)",
                        "CREATE TABLE never (id INT)",
                    ],
                    &["DROP TABLE half"],
                ),
            ),
        ],
    );
    let before_tables = "SELECT string_agg(relname, ',' ORDER BY relname) FROM pg_class WHERE relnamespace = 'public'::regnamespace AND relkind = 'r'";
    let o = migrate(&url, &dir, &["up"]);
    let (_, err) = text(&o);
    assert_eq!(o.status.code(), Some(1), "{err}");
    assert!(err.contains("Applied:  1_base"), "{err}");
    assert!(err.contains("error: Migration 2_broken (up) failed: relation \"missing_table\" does not exist (SQLSTATE 42P01)"), "{err}");
    assert!(err.contains("  file: migrations/2_broken.mpl"), "{err}");
    assert!(
        err.contains("  last statement: INSERT INTO missing_table VALUES (1)"),
        "{err}"
    );
    assert!(
        err.contains("rolled back and nothing was recorded"),
        "{err}"
    );
    assert_eq!(sql(&url, before_tables), [["_mesh_migrations,base"]]);
    assert_eq!(sql(&url, "SELECT version FROM _mesh_migrations"), [["1"]]);
    // A second run fails the same way and still changes nothing.
    let o = migrate(&url, &dir, &["up"]);
    assert_eq!(o.status.code(), Some(1));
    assert_eq!(sql(&url, before_tables), [["_mesh_migrations,base"]]);
}

#[test]
fn edited_and_deleted_files_are_refused() {
    let url = fresh_db("edited");
    let m1 = sql_migration(&["CREATE TABLE a (id INT)"], &["DROP TABLE a"]);
    let dir = project("edited", &[("1_a.mpl", &m1)]);
    assert!(migrate(&url, &dir, &["up"]).status.success());
    // Line endings do not count as an edit.
    std::fs::write(dir.join("migrations/1_a.mpl"), m1.replace('\n', "\r\n")).expect("write");
    let o = migrate(&url, &dir, &["status"]);
    assert!(o.status.success(), "{}", text(&o).1);
    std::fs::write(dir.join("migrations/1_a.mpl"), format!("{m1}# edited\n")).expect("write");
    for action in ["status", "up"] {
        let o = migrate(&url, &dir, &[action]);
        let (_, err) = text(&o);
        assert_eq!(o.status.code(), Some(1), "{action}: {err}");
        assert!(
            err.contains("error: migrations/1_a.mpl was edited after it was applied"),
            "{err}"
        );
    }
    std::fs::remove_file(dir.join("migrations/1_a.mpl")).expect("rm");
    std::fs::write(
        dir.join("migrations/2_b.mpl"),
        sql_migration(&["SELECT 1"], &["SELECT 1"]),
    )
    .expect("write");
    let o = migrate(&url, &dir, &["up"]);
    let (_, err) = text(&o);
    assert_eq!(o.status.code(), Some(1), "{err}");
    assert!(
        err.contains("error: migration 1_a was applied but its file migrations/1_a.mpl is missing"),
        "{err}"
    );
    assert_eq!(sql(&url, "SELECT count(*) FROM _mesh_migrations"), [["1"]]);
}

#[test]
fn older_migrations_need_allow_out_of_order() {
    let url = fresh_db("order");
    let dir = project(
        "order",
        &[(
            "20_b.mpl",
            &sql_migration(&["CREATE TABLE b (id INT)"], &["DROP TABLE b"]),
        )],
    );
    assert!(migrate(&url, &dir, &["up"]).status.success());
    std::fs::write(
        dir.join("migrations/10_a.mpl"),
        sql_migration(&["CREATE TABLE a (id INT)"], &["DROP TABLE a"]),
    )
    .expect("write");
    let o = migrate(&url, &dir, &["status"]);
    assert!(
        text(&o)
            .1
            .contains("[ ] 10_a (older than the newest applied migration"),
        "{}",
        text(&o).1
    );
    let o = migrate(&url, &dir, &["up"]);
    let (_, err) = text(&o);
    assert_eq!(o.status.code(), Some(1), "{err}");
    assert!(err.contains("error: migrations/10_a.mpl (version 10) is older than the newest applied migration (20)"), "{err}");
    assert!(err.contains("--allow-out-of-order"), "{err}");
    let o = migrate(&url, &dir, &["up", "--allow-out-of-order"]);
    assert!(o.status.success(), "{}", text(&o).1);
    assert_eq!(
        sql(
            &url,
            "SELECT string_agg(version::text, ',' ORDER BY version) FROM _mesh_migrations"
        ),
        [["10,20"]]
    );
}

#[test]
fn up_to_down_to_redo_and_dry_run() {
    let url = fresh_db("steps");
    let dir = project(
        "steps",
        &[
            (
                "1_a.mpl",
                &sql_migration(&["CREATE TABLE a (id INT)"], &["DROP TABLE a"]),
            ),
            (
                "2_b.mpl",
                &sql_migration(&["CREATE TABLE b (id INT)"], &["DROP TABLE b"]),
            ),
            (
                "3_c.mpl",
                &sql_migration(&["CREATE TABLE c (id INT)"], &["DROP TABLE c"]),
            ),
        ],
    );
    // A dry run prints the statements and changes nothing (not even the tracking table).
    let o = migrate(&url, &dir, &["up", "--dry-run"]);
    let (out, err) = text(&o);
    assert!(o.status.success(), "{err}");
    assert_eq!(
        out,
        "-- 1_a (up)\nCREATE TABLE a (id INT);\n-- 2_b (up)\nCREATE TABLE b (id INT);\n-- 3_c (up)\nCREATE TABLE c (id INT);\n"
    );
    assert_eq!(
        sql(&url, "SELECT to_regclass('_mesh_migrations') IS NULL"),
        [["t"]]
    );
    let applied = || {
        sql(&url, "SELECT coalesce(string_agg(version::text, ',' ORDER BY version), '') FROM _mesh_migrations")[0][0].clone()
    };
    assert!(migrate(&url, &dir, &["up", "--to", "2"]).status.success());
    assert_eq!(applied(), "1,2");
    assert!(migrate(&url, &dir, &["up"]).status.success());
    assert_eq!(applied(), "1,2,3");
    let o = migrate(&url, &dir, &["redo", "--step", "2"]);
    let (_, err) = text(&o);
    assert!(o.status.success(), "{err}");
    assert!(
        err.contains("Rolling back: 3_c\nRolled back: 3_c\nRolling back: 2_b\nRolled back: 2_b\n"),
        "{err}"
    );
    assert_eq!(applied(), "1,2,3");
    assert!(migrate(&url, &dir, &["down", "--to", "1"]).status.success());
    assert_eq!(applied(), "1");
    assert_eq!(
        sql(
            &url,
            "SELECT to_regclass('b') IS NULL AND to_regclass('a') IS NOT NULL"
        ),
        [["t"]]
    );
    let o = migrate(&url, &dir, &["down", "--step", "5"]);
    assert!(o.status.success());
    let o = migrate(&url, &dir, &["down"]);
    assert_eq!(text(&o).1, "No migrations to roll back\n");
}

#[test]
fn the_transaction_opt_out_allows_concurrent_indexes() {
    let url = fresh_db("no_tx");
    let dir = project(
        "no_tx",
        &[
            (
                "1_t.mpl",
                &sql_migration(&["CREATE TABLE t (id INT)"], &["DROP TABLE t"]),
            ),
            (
                "2_idx.mpl",
                &format!(
                    "# mesh:no-transaction\n{}",
                    sql_migration(
                        &["CREATE INDEX CONCURRENTLY t_id ON t (id)"],
                        &["DROP INDEX CONCURRENTLY t_id"]
                    )
                ),
            ),
        ],
    );
    let o = migrate(&url, &dir, &["up"]);
    assert!(o.status.success(), "{}", text(&o).1);
    assert_eq!(
        sql(
            &url,
            "SELECT indexname FROM pg_indexes WHERE tablename = 't'"
        ),
        [["t_id"]]
    );
    assert!(migrate(&url, &dir, &["down"]).status.success());
    assert_eq!(
        sql(
            &url,
            "SELECT count(*) FROM pg_indexes WHERE tablename = 't'"
        ),
        [["0"]]
    );
}

#[test]
fn migrations_may_import_project_modules_and_use_transactions() {
    let url = fresh_db("imports");
    let dir = project(
        "imports",
        &[(
            "1_users.mpl",
            "from Schema.Names import users_table\n\n\
             pub fn up(pool :: PoolHandle) -> Int!String do\n  \
               Migration.create_table(pool, users_table(), [\"id:BIGSERIAL:PRIMARY KEY\", \"name:TEXT:NOT NULL\"])?\n  \
               Repo.transaction(pool, fn(conn) -> Pg.execute(conn, \"INSERT INTO accounts (name) VALUES ($1)\", [\"root\"]) end)\n\
             end\n\n\
             pub fn down(pool :: PoolHandle) -> Int!String = Migration.drop_table(pool, users_table())\n",
        )],
    );
    std::fs::create_dir_all(dir.join("schema")).expect("mkdir");
    std::fs::write(
        dir.join("schema/names.mpl"),
        "pub fn users_table() -> String = \"accounts\"\n",
    )
    .expect("write");
    let o = migrate(&url, &dir, &["up"]);
    assert!(o.status.success(), "{}", text(&o).1);
    assert_eq!(sql(&url, "SELECT name FROM accounts"), [["root"]]);
}

#[test]
fn failures_are_reported_clearly() {
    let url = fresh_db("failures");
    let dir = project(
        "failures",
        &[("1_a.mpl", &sql_migration(&["SELECT 1"], &["SELECT 1"]))],
    );

    let o = meshc(&url)
        .env_remove("DATABASE_URL")
        .arg("migrate")
        .arg(&dir)
        .arg("up")
        .output()
        .expect("run");
    assert_eq!(o.status.code(), Some(1));
    assert!(
        text(&o)
            .1
            .starts_with("error: meshc migrate: DATABASE_URL environment variable is required"),
        "{}",
        text(&o).1
    );

    let o = migrate(
        "postgres://mesh:mesh@127.0.0.1:1/x?sslmode=disable",
        &dir,
        &["up"],
    );
    assert_eq!(o.status.code(), Some(1));
    assert!(
        text(&o)
            .1
            .starts_with("error: Failed to connect to database: "),
        "{}",
        text(&o).1
    );

    let bad = url.replacen("mesh:mesh@", "mesh:wrong@", 1);
    let o = migrate(&bad, &dir, &["status"]);
    let (_, err) = text(&o);
    assert_eq!(o.status.code(), Some(1), "{err}");
    assert!(
        err.contains("password authentication failed for user \"mesh\""),
        "{err}"
    );

    let o = migrate("mysql://x@y/z", &dir, &["up"]);
    assert!(text(&o)
        .1
        .contains("URL must start with postgres:// or postgresql://"));

    let empty = project("failures_empty", &[]);
    std::fs::remove_dir_all(empty.join("migrations")).expect("rm");
    let o = migrate(&url, &empty, &["up"]);
    assert!(o.status.success());
    assert!(
        text(&o)
            .1
            .starts_with("No migrations directory found. Run 'meshc migrate "),
        "{}",
        text(&o).1
    );

    std::fs::write(
        dir.join("migrations/create_users.mpl"),
        "pub fn up(pool :: PoolHandle) -> Int!String = Ok(0)\n",
    )
    .expect("write");
    let o = migrate(&url, &dir, &["status"]);
    let (_, err) = text(&o);
    assert!(err.contains("warning: ignoring migrations/create_users.mpl: `create` is not a version number; migration files are named VERSION_name.mpl"), "{err}");

    // A migration that crashes (a run-time error) is rolled back like one that returns Err.
    std::fs::write(
        dir.join("migrations/2_crash.mpl"),
        "pub fn up(pool :: PoolHandle) -> Int!String do\n  Pool.execute(pool, \"CREATE TABLE crashy (id INT)\", [])?\n  let xs :: List<Int> = []\n  Ok(List.head(xs))\nend\n\npub fn down(pool :: PoolHandle) -> Int!String = Ok(0)\n",
    )
    .expect("write");
    let o = migrate(&url, &dir, &["up"]);
    let (_, err) = text(&o);
    assert_eq!(o.status.code(), Some(1), "{err}");
    assert!(
        err.contains("error: Migration 2_crash (up) failed: List.head: empty list"),
        "{err}"
    );
    assert_eq!(sql(&url, "SELECT to_regclass('crashy') IS NULL"), [["t"]]);

    // A compile error names the file.
    std::fs::write(
        dir.join("migrations/2_crash.mpl"),
        "pub fn up(pool :: PoolHandle) -> Int!String = Ok(nope)\n",
    )
    .expect("write");
    let o = migrate(&url, &dir, &["up"]);
    let (_, err) = text(&o);
    assert_eq!(o.status.code(), Some(1), "{err}");
    assert!(err.contains("migrations/2_crash.mpl"), "{err}");
}

#[test]
fn generate_never_overwrites_or_collides() {
    let dir = project("generate", &[]);
    let url = "postgres://unused";
    let mut made = Vec::new();
    for _ in 0..3 {
        let o = migrate(url, &dir, &["generate", "add_users"]);
        let (_, err) = text(&o);
        assert!(o.status.success(), "{err}");
        let file = err
            .trim()
            .strip_prefix("Created migration: ")
            .expect("message")
            .to_string();
        made.push(file);
    }
    made.dedup();
    assert_eq!(made.len(), 3, "{made:?}");
    let mut sorted = made.clone();
    sorted.sort();
    assert_eq!(sorted, made, "later files sort later");
    let text0 = std::fs::read_to_string(dir.join(&made[0])).expect("read");
    assert!(text0.contains("pub fn up(pool :: PoolHandle) -> Int!String do"));
    assert!(text0.contains("# mesh:no-transaction"));
    // The scaffold compiles and runs (its bodies are comments and Ok(0)).
    let check = super::meshc(url)
        .arg("check")
        .arg(&dir)
        .output()
        .expect("check");
    assert!(check.status.success(), "{}", text(&check).1);
    let o = migrate(url, &dir, &["generate", "Bad-Name"]);
    assert_eq!(o.status.code(), Some(1));
    assert!(text(&o)
        .1
        .contains("Migration name must contain only lowercase letters, digits, and underscores"));
}
