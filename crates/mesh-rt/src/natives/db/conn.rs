//! Connections: URL parsing and TLS, the pool behind a `PoolHandle`, and the connection
//! behind a `PgConn`.
//!
//! A `PoolHandle` is one of three [`PoolTarget`]s: a deadpool pool (what `Pool.open`
//! returns), a single connection shared by everything that uses the handle (what the
//! migration runner gives a migration, so that its statements run inside the migration's
//! transaction), or a dry run that records statements instead of running them
//! (`meshc migrate --dry-run`).
//!
//! A `PgConn` owns one connection: a pooled one (checked out), a direct one
//! (`Pg.connect`), or the shared connection of a single-connection handle. It remembers
//! whether a transaction is open: if the handle is dropped (its process crashed) with a
//! transaction open, the transaction is rolled back before a pooled connection goes back
//! to the pool, and a direct connection is closed, which makes the server roll back.

use super::error::DbErr;
use std::str::FromStr;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Duration;
use tokio_postgres::config::SslMode;
use tokio_postgres::Client;

/// What a `PoolHandle` stands for.
pub enum PoolTarget {
    /// A connection pool.
    Pool(PoolInner),
    /// One connection that every use of the handle shares (a migration's transaction).
    Single(Arc<SharedConn>),
    /// Statements are recorded, not run (`meshc migrate --dry-run`).
    DryRun(Arc<Mutex<Vec<String>>>),
}

/// A connection shared by every user of a single-connection `PoolHandle`; remembers the
/// last statement sent, so that a failed migration can name it.
pub struct SharedConn {
    pub client: Client,
    pub last: Mutex<Option<String>>,
}

impl SharedConn {
    /// Wraps a connection.
    pub fn new(client: Client) -> Arc<SharedConn> {
        Arc::new(SharedConn {
            client,
            last: Mutex::new(None),
        })
    }

    /// Remembers `sql` as the last statement sent.
    pub fn note(&self, sql: &str) {
        *self.last.lock().unwrap_or_else(|e| e.into_inner()) = Some(sql.to_string());
    }

    /// The last statement sent, if any.
    pub fn last_statement(&self) -> Option<String> {
        self.last.lock().unwrap_or_else(|e| e.into_inner()).clone()
    }
}

/// A deadpool pool (whose wait timeout is the checkout timeout) and whether
/// `Pool.close` was called.
pub struct PoolInner {
    pub pool: deadpool_postgres::Pool,
    pub closed: AtomicBool,
}

/// Parses a `postgres://` URL into a driver configuration. The errors are the original's
/// texts where it had them (stdlib §17.2).
pub fn parse_url(url: &str) -> Result<tokio_postgres::Config, String> {
    let rest = url
        .strip_prefix("postgres://")
        .or_else(|| url.strip_prefix("postgresql://"))
        .ok_or("URL must start with postgres:// or postgresql://")?;
    let authority = rest.split(['/', '?']).next().unwrap_or("");
    if let Some(hostport) = authority.rsplit('@').next() {
        if let Some((_, port)) = hostport.rsplit_once(':') {
            if !port.is_empty() && port.parse::<u16>().is_err() && !hostport.contains(']') {
                return Err(format!("invalid port: {port}"));
            }
        }
    }
    if let Some(q) = rest.split_once('?').map(|(_, q)| q) {
        for kv in q.split('&') {
            if let Some(mode) = kv.strip_prefix("sslmode=") {
                if !matches!(mode, "disable" | "prefer" | "require") {
                    return Err(format!(
                        "unsupported sslmode `{mode}` (expected disable, prefer or require)"
                    ));
                }
            }
        }
    }
    let mut config =
        tokio_postgres::Config::from_str(url).map_err(|e| match std::error::Error::source(&e) {
            Some(src) => format!("{e}: {src}"),
            None => e.to_string(),
        })?;
    if config.get_connect_timeout().is_none() {
        config.connect_timeout(Duration::from_secs(10));
    }
    Ok(config)
}

/// The TLS mode of a URL: `disable`, `prefer` (the default) or `require`.
pub fn tls_mode(url: &str) -> Result<&'static str, String> {
    Ok(match parse_url(url)?.get_ssl_mode() {
        SslMode::Disable => "disable",
        SslMode::Require => "require",
        _ => "prefer",
    })
}

/// TLS through rustls, verifying the server certificate against the webpki roots and the
/// host name.
fn rustls_connector() -> Result<tokio_postgres_rustls::MakeRustlsConnect, DbErr> {
    let mut roots = rustls::RootCertStore::empty();
    roots.extend(webpki_roots::TLS_SERVER_ROOTS.iter().cloned());
    let provider = Arc::new(rustls::crypto::ring::default_provider());
    let config = rustls::ClientConfig::builder_with_provider(provider)
        .with_safe_default_protocol_versions()
        .map_err(|e| DbErr::client(format!("TLS: {e}")))?
        .with_root_certificates(roots)
        .with_no_client_auth();
    Ok(tokio_postgres_rustls::MakeRustlsConnect::new(config))
}

/// Opens one connection (its I/O task runs on the current tokio runtime).
pub async fn connect(config: &tokio_postgres::Config) -> Result<Client, DbErr> {
    if config.get_ssl_mode() == SslMode::Disable {
        let (client, conn) = config
            .connect(tokio_postgres::NoTls)
            .await
            .map_err(DbErr::from_pg)?;
        tokio::spawn(async move {
            let _ = conn.await;
        });
        Ok(client)
    } else {
        let (client, conn) = config
            .connect(rustls_connector()?)
            .await
            .map_err(DbErr::from_pg)?;
        tokio::spawn(async move {
            let _ = conn.await;
        });
        Ok(client)
    }
}

/// Builds a pool (connections are opened on demand).
pub fn make_pool(
    config: tokio_postgres::Config,
    max: usize,
    timeout: Duration,
) -> Result<deadpool_postgres::Pool, String> {
    use deadpool_postgres::{Manager, ManagerConfig, RecyclingMethod, Runtime};
    let mc = ManagerConfig {
        recycling_method: RecyclingMethod::Fast,
    };
    let manager = if config.get_ssl_mode() == SslMode::Disable {
        Manager::from_config(config, tokio_postgres::NoTls, mc)
    } else {
        Manager::from_config(config, rustls_connector().map_err(|e| e.message)?, mc)
    };
    deadpool_postgres::Pool::builder(manager)
        .max_size(max)
        .wait_timeout(Some(timeout))
        .create_timeout(Some(timeout.max(Duration::from_secs(10))))
        .runtime(Runtime::Tokio1)
        .build()
        .map_err(|e| e.to_string())
}

/// The connection a `PgConn` holds.
pub enum Link {
    Pooled(deadpool_postgres::Object),
    Direct(Client),
    /// The connection of a single-connection `PoolHandle`; transactions on it are
    /// savepoints inside the migration's transaction.
    Shared(Arc<SharedConn>),
    /// A dry run's connection: statements are recorded.
    Record(Arc<Mutex<Vec<String>>>),
}

impl Link {
    /// The driver client (`None` for a dry run).
    pub fn client(&self) -> Option<&Client> {
        match self {
            Link::Pooled(o) => Some(&***o),
            Link::Direct(c) => Some(c),
            Link::Shared(c) => Some(&c.client),
            Link::Record(_) => None,
        }
    }
}

/// The state behind a `PgConn` value.
pub struct ConnCell {
    /// `None` once closed or checked in.
    pub link: tokio::sync::Mutex<Option<Link>>,
    /// A transaction (or savepoint) is open on it.
    pub in_tx: AtomicBool,
}

impl ConnCell {
    /// A cell around a connection.
    pub fn new(link: Link) -> Arc<ConnCell> {
        Arc::new(ConnCell {
            link: tokio::sync::Mutex::new(Some(link)),
            in_tx: AtomicBool::new(false),
        })
    }

    /// True if `BEGIN` on it must be a savepoint.
    pub fn is_shared(link: &Link) -> bool {
        matches!(link, Link::Shared(_))
    }
}

impl Drop for ConnCell {
    fn drop(&mut self) {
        if !self.in_tx.load(Ordering::SeqCst) {
            return;
        }
        let Some(link) = self.link.get_mut().take() else {
            return;
        };
        match link {
            Link::Pooled(obj) => match tokio::runtime::Handle::try_current() {
                // Roll back before the connection is reused; if that fails, the
                // connection is taken out of the pool and closed.
                Ok(rt) => {
                    rt.spawn(async move {
                        if obj.batch_execute("ROLLBACK").await.is_err() {
                            drop(deadpool_postgres::Object::take(obj));
                        }
                    });
                }
                Err(_) => drop(deadpool_postgres::Object::take(obj)),
            },
            // Closing the connection makes the server roll back.
            Link::Direct(c) => drop(c),
            Link::Shared(c) => match tokio::runtime::Handle::try_current() {
                Ok(rt) => {
                    rt.spawn(async move {
                        let _ = c
                            .client
                            .batch_execute("ROLLBACK TO SAVEPOINT mesh_tx")
                            .await;
                    });
                }
                Err(_) => drop(c),
            },
            Link::Record(_) => {}
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn url_errors_and_tls_modes() {
        assert_eq!(
            parse_url("mysql://x@y").err().as_deref(),
            Some("URL must start with postgres:// or postgresql://")
        );
        assert_eq!(
            parse_url("postgres://u:p@host:abc/db").err().as_deref(),
            Some("invalid port: abc")
        );
        assert_eq!(tls_mode("postgres://u@h/db"), Ok("prefer"));
        assert_eq!(tls_mode("postgres://u@h/db?sslmode=disable"), Ok("disable"));
        assert_eq!(tls_mode("postgresql://u@h/db?sslmode=prefer"), Ok("prefer"));
        assert_eq!(
            tls_mode("postgres://u@h:5433/db?sslmode=require"),
            Ok("require")
        );
        assert!(tls_mode("postgres://u@h/db?sslmode=bogus").is_err());
        let c = parse_url("postgres://ann:s%40cret@db.example:6543/app").unwrap_or_else(|e| {
            panic!("{e}");
        });
        assert_eq!(c.get_user(), Some("ann"));
        assert_eq!(c.get_password(), Some(&b"s@cret"[..]));
        assert_eq!(c.get_dbname(), Some("app"));
        assert_eq!(c.get_ports(), &[6543]);
    }
}
