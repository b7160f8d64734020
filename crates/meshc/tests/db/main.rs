//! Database tests against a real PostgreSQL server (ARCHITECTURE decision 9): the database
//! program corpus (`tests/db_programs/`) and `meshc migrate`.
//!
//! `DATABASE_URL` must name a server where the user may create databases; `scripts/test.sh`
//! starts a throwaway cluster with `scripts/pg.sh` and exports it. Without it these tests
//! fail (they do not skip): a green run must mean the database layer was tested. Every
//! test works in a database of its own, created fresh. (`tls` needs no server: it talks to
//! a scripted one.)

mod migrate;
mod programs;
mod tls;

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

/// The server's URL from `DATABASE_URL`.
pub fn database_url() -> String {
    match std::env::var("DATABASE_URL") {
        Ok(u) if !u.trim().is_empty() => u,
        _ => panic!(
            "DATABASE_URL is not set: the database tests need a PostgreSQL server. Run \
             scripts/test.sh (it starts a throwaway cluster with scripts/pg.sh), or \
             `export DATABASE_URL=\"$(scripts/pg.sh start)\"` before `cargo test`."
        ),
    }
}

/// `url` with its database name replaced by `db`.
pub fn with_db(url: &str, db: &str) -> String {
    let (base, query) = match url.split_once('?') {
        Some((b, q)) => (b, format!("?{q}")),
        None => (url, String::new()),
    };
    let scheme_end = base.find("://").map(|i| i + 3).unwrap_or(0);
    let base = match base[scheme_end..].find('/') {
        Some(i) => &base[..scheme_end + i],
        None => base,
    };
    format!("{base}/{db}{query}")
}

/// Runs SQL (simple protocol) on `url`; the rows as text (`NULL` for NULL).
pub fn sql(url: &str, text: &str) -> Vec<Vec<String>> {
    let rt = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .expect("runtime");
    rt.block_on(async {
        let (client, conn) = tokio_postgres::connect(url, tokio_postgres::NoTls)
            .await
            .unwrap_or_else(|e| panic!("cannot connect to {url}: {e}"));
        tokio::spawn(async move {
            let _ = conn.await;
        });
        let msgs = client
            .simple_query(text)
            .await
            .unwrap_or_else(|e| panic!("SQL failed: {e}\n{text}"));
        msgs.iter()
            .filter_map(|m| match m {
                tokio_postgres::SimpleQueryMessage::Row(r) => Some(
                    (0..r.len())
                        .map(|i| r.get(i).unwrap_or("NULL").to_string())
                        .collect(),
                ),
                _ => None,
            })
            .collect()
    })
}

/// A new empty database named `mt_<name>`; its URL.
pub fn fresh_db(name: &str) -> String {
    let url = database_url();
    let db = format!(
        "mt_{}",
        name.replace(|c: char| !c.is_ascii_alphanumeric(), "_")
    );
    sql(&url, &format!("DROP DATABASE IF EXISTS {db} WITH (FORCE)"));
    sql(&url, &format!("CREATE DATABASE {db}"));
    with_db(&url, &db)
}

/// The repository root.
pub fn repo() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

/// `meshc` with `DATABASE_URL` set to `url`.
pub fn meshc(url: &str) -> Command {
    let mut c = Command::new(env!("CARGO_BIN_EXE_meshc"));
    c.env("DATABASE_URL", url);
    c
}

/// Standard error (and output) of a finished command, for assertions.
pub fn text(o: &Output) -> (String, String) {
    (
        String::from_utf8_lossy(&o.stdout).to_string(),
        String::from_utf8_lossy(&o.stderr).to_string(),
    )
}

#[test]
fn database_url_rewriting() {
    assert_eq!(
        with_db("postgres://u:p@h:1/db?sslmode=disable", "x"),
        "postgres://u:p@h:1/x?sslmode=disable"
    );
    assert_eq!(with_db("postgres://u@h", "x"), "postgres://u@h/x");
}
