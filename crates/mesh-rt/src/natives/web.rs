//! What the HTTP server, the WebSocket server and the HTTP client share: the per-program
//! [`WebState`], binding listeners, loading TLS certificates, the accept loop, serving one
//! HTTP/1.1 connection with hyper, and graceful shutdown on SIGTERM.
//!
//! Both servers are hyper servers (the WebSocket one upgrades each request), so limits,
//! TLS and shutdown are implemented once, here.
//!
//! # Shutdown
//!
//! The first server a program starts installs a SIGTERM listener ([`Shutdown`]). On the
//! signal every server stops accepting, asks its connections to finish (hyper's graceful
//! shutdown: requests in flight complete, idle keep-alive connections close; WebSocket
//! connections close with 1001) and waits for them; once all servers are done, or after
//! [`GRACE`], the program ends with exit code 0. Without a server, SIGTERM keeps its default
//! action.

use crate::context::Shared;
use crate::natives::http::client::HttpClient;
use crate::natives::ws::Registry;
use bytes::Bytes;
use http_body_util::Full;
use hyper::body::Incoming;
use hyper::service::HttpService;
use hyper_util::rt::{TokioIo, TokioTimer};
use std::io;
use std::net::SocketAddr;
use std::pin::Pin;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::{Arc, OnceLock, Weak};
use std::task::{Context, Poll};
use std::time::Duration;
use tokio::io::{AsyncRead, AsyncWrite, ReadBuf};
use tokio::net::{TcpListener, TcpStream};
use tokio::sync::{watch, Notify};
use tokio_rustls::TlsAcceptor;

/// How long a graceful shutdown waits for connections to finish before the program ends.
pub const GRACE: Duration = Duration::from_secs(30);

/// How long an HTTP client has to send a request's line and headers (also the keep-alive
/// idle limit between requests).
pub const HEADER_TIMEOUT: Duration = Duration::from_secs(30);

/// How long a WebSocket client has to send its upgrade request.
pub const HANDSHAKE_TIMEOUT: Duration = Duration::from_secs(5);

/// Largest request line plus headers, in bytes (beyond it: 431).
pub const MAX_HEAD_BYTES: usize = 16 * 1024;

/// Most header lines in a request (beyond it: 431): hyper's default, which keeps the
/// parsed headers on the stack.
pub const MAX_HEADERS: usize = 100;

/// How long a TLS handshake may take.
const TLS_HANDSHAKE_TIMEOUT: Duration = Duration::from_secs(10);

/// The web layer's per-program state.
#[derive(Default)]
pub struct WebState {
    /// Open WebSocket connections and rooms.
    pub(crate) ws: Registry,
    /// The HTTP client (created on first use; it pools connections), or why it could not
    /// be created.
    pub(crate) client: OnceLock<Result<HttpClient, String>>,
    /// SIGTERM handling.
    pub(crate) shutdown: Shutdown,
}

/// Graceful shutdown: who is serving, and the signal to stop.
pub struct Shutdown {
    /// Becomes true on SIGTERM.
    stop: watch::Sender<bool>,
    /// Servers still running.
    servers: AtomicUsize,
    /// Notified when a server finishes.
    drained: Notify,
    /// True once the SIGTERM listener is installed.
    listening: AtomicBool,
}

impl Default for Shutdown {
    fn default() -> Shutdown {
        Shutdown {
            stop: watch::channel(false).0,
            servers: AtomicUsize::new(0),
            drained: Notify::new(),
            listening: AtomicBool::new(false),
        }
    }
}

impl Shutdown {
    /// A receiver that sees `true` once shutdown has begun.
    pub fn subscribe(&self) -> watch::Receiver<bool> {
        self.stop.subscribe()
    }

    /// Starts the shutdown of every server (what SIGTERM does).
    pub fn begin(&self) {
        self.stop.send_replace(true);
    }

    /// Counts a running server until the guard is dropped; installs the SIGTERM listener
    /// the first time.
    pub fn server_started(&self, shared: &Arc<Shared>) -> ServerGuard {
        self.servers.fetch_add(1, Ordering::SeqCst);
        if !self.listening.swap(true, Ordering::SeqCst) {
            install_sigterm(Arc::downgrade(shared));
        }
        ServerGuard {
            shared: shared.clone(),
        }
    }

    /// Waits until no server is running.
    async fn all_done(&self) {
        loop {
            let notified = self.drained.notified();
            tokio::pin!(notified);
            notified.as_mut().enable();
            if self.servers.load(Ordering::SeqCst) == 0 {
                return;
            }
            notified.await;
        }
    }
}

/// Marks a server as running; dropping it marks it done.
pub struct ServerGuard {
    shared: Arc<Shared>,
}

impl Drop for ServerGuard {
    fn drop(&mut self) {
        let sd = &self.shared.web().shutdown;
        sd.servers.fetch_sub(1, Ordering::SeqCst);
        sd.drained.notify_waiters();
    }
}

/// Listens for SIGTERM: begins the shutdown, waits for the servers (at most [`GRACE`]) and
/// ends the program with exit code 0.
fn install_sigterm(shared: Weak<Shared>) {
    #[cfg(unix)]
    {
        use tokio::signal::unix::{signal, SignalKind};
        let Ok(mut sig) = signal(SignalKind::terminate()) else {
            return;
        };
        tokio::spawn(async move {
            if sig.recv().await.is_none() {
                return;
            }
            let Some(shared) = shared.upgrade() else {
                return;
            };
            shared
                .out()
                .write_err_line("[mesh-rt] SIGTERM: shutting down gracefully");
            let sd = &shared.web().shutdown;
            sd.begin();
            let _ = tokio::time::timeout(GRACE, sd.all_done()).await;
            shared.out().flush();
            shared.sched().end(0);
        });
    }
    #[cfg(not(unix))]
    let _ = shared;
}

/// Resolves once shutdown has begun (never, if the program's state is gone).
pub async fn stopped(stop: &mut watch::Receiver<bool>) {
    if stop.wait_for(|s| *s).await.is_err() {
        std::future::pending::<()>().await;
    }
}

/// Counts live connections so that a server can wait for them at shutdown.
#[derive(Clone, Default)]
pub struct Tracker(Arc<TrackerInner>);

#[derive(Default)]
struct TrackerInner {
    live: AtomicUsize,
    idle: Notify,
}

/// One live connection of a [`Tracker`].
pub struct Tracked(Arc<TrackerInner>);

impl Drop for Tracked {
    fn drop(&mut self) {
        if self.0.live.fetch_sub(1, Ordering::SeqCst) == 1 {
            self.0.idle.notify_waiters();
        }
    }
}

impl Tracker {
    /// Counts one more live connection.
    pub fn enter(&self) -> Tracked {
        self.0.live.fetch_add(1, Ordering::SeqCst);
        Tracked(self.0.clone())
    }

    /// Number of live connections.
    pub fn live(&self) -> usize {
        self.0.live.load(Ordering::SeqCst)
    }

    /// Waits until no connection is live.
    pub async fn idle(&self) {
        loop {
            let notified = self.0.idle.notified();
            tokio::pin!(notified);
            notified.as_mut().enable();
            if self.live() == 0 {
                return;
            }
            notified.await;
        }
    }
}

/// Binds `0.0.0.0:port` (port 0: any free port). Must run on the tokio runtime.
pub fn bind(port: i64) -> Result<TcpListener, String> {
    if tokio::runtime::Handle::try_current().is_err() {
        return Err("cannot serve outside the runtime".into());
    }
    let port = u16::try_from(port).map_err(|_| format!("invalid port {port}"))?;
    let addr = SocketAddr::from(([0, 0, 0, 0], port));
    let std_listener = std::net::TcpListener::bind(addr)
        .and_then(|l| l.set_nonblocking(true).map(|()| l))
        .map_err(|e| format!("cannot listen on {addr}: {e}"))?;
    TcpListener::from_std(std_listener).map_err(|e| format!("cannot listen on {addr}: {e}"))
}

/// The address a listener is bound to, for the "listening on" line.
pub fn local_addr(l: &TcpListener) -> String {
    l.local_addr()
        .map(|a| a.to_string())
        .unwrap_or_else(|_| "?".into())
}

/// A TLS acceptor for the PEM certificate chain in file `cert` and the PEM private key in
/// file `key` (offering HTTP/1.1 by ALPN).
pub fn tls_acceptor(cert: &str, key: &str) -> Result<TlsAcceptor, String> {
    use rustls::pki_types::pem::PemObject;
    use rustls::pki_types::{CertificateDer, PrivateKeyDer};
    let certs: Vec<CertificateDer<'static>> = CertificateDer::pem_file_iter(cert)
        .map_err(|e| format!("cannot read TLS certificate {cert}: {e}"))?
        .collect::<Result<_, _>>()
        .map_err(|e| format!("cannot read TLS certificate {cert}: {e}"))?;
    if certs.is_empty() {
        return Err(format!("no certificate in {cert}"));
    }
    let key = PrivateKeyDer::from_pem_file(key)
        .map_err(|e| format!("cannot read TLS private key {key}: {e}"))?;
    let provider = Arc::new(rustls::crypto::ring::default_provider());
    let mut config = rustls::ServerConfig::builder_with_provider(provider)
        .with_safe_default_protocol_versions()
        .map_err(|e| format!("TLS configuration: {e}"))?
        .with_no_client_auth()
        .with_single_cert(certs, key)
        .map_err(|e| format!("invalid TLS certificate or key: {e}"))?;
    config.alpn_protocols = vec![b"http/1.1".to_vec()];
    Ok(TlsAcceptor::from(Arc::new(config)))
}

/// An accepted connection, plain or TLS.
pub enum Io {
    Plain(TcpStream),
    Tls(Box<tokio_rustls::server::TlsStream<TcpStream>>),
}

impl AsyncRead for Io {
    fn poll_read(
        self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        buf: &mut ReadBuf<'_>,
    ) -> Poll<io::Result<()>> {
        match self.get_mut() {
            Io::Plain(s) => Pin::new(s).poll_read(cx, buf),
            Io::Tls(s) => Pin::new(s.as_mut()).poll_read(cx, buf),
        }
    }
}

impl AsyncWrite for Io {
    fn poll_write(
        self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        buf: &[u8],
    ) -> Poll<io::Result<usize>> {
        match self.get_mut() {
            Io::Plain(s) => Pin::new(s).poll_write(cx, buf),
            Io::Tls(s) => Pin::new(s.as_mut()).poll_write(cx, buf),
        }
    }

    fn poll_write_vectored(
        self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        bufs: &[io::IoSlice<'_>],
    ) -> Poll<io::Result<usize>> {
        match self.get_mut() {
            Io::Plain(s) => Pin::new(s).poll_write_vectored(cx, bufs),
            Io::Tls(s) => Pin::new(s.as_mut()).poll_write_vectored(cx, bufs),
        }
    }

    fn is_write_vectored(&self) -> bool {
        match self {
            Io::Plain(s) => s.is_write_vectored(),
            Io::Tls(s) => s.is_write_vectored(),
        }
    }

    fn poll_flush(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<io::Result<()>> {
        match self.get_mut() {
            Io::Plain(s) => Pin::new(s).poll_flush(cx),
            Io::Tls(s) => Pin::new(s.as_mut()).poll_flush(cx),
        }
    }

    fn poll_shutdown(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<io::Result<()>> {
        match self.get_mut() {
            Io::Plain(s) => Pin::new(s).poll_shutdown(cx),
            Io::Tls(s) => Pin::new(s.as_mut()).poll_shutdown(cx),
        }
    }
}

/// Accepts connections until shutdown begins, running `serve(io, stop)` for each in its own
/// task; then waits for the live connections (and those `also` counts, e.g. upgraded
/// WebSocket connections) to finish. `stop` sees `true` when shutdown begins.
pub async fn accept_loop<F, Fut>(
    shared: Arc<Shared>,
    listener: TcpListener,
    tls: Option<TlsAcceptor>,
    also: Option<Tracker>,
    serve: F,
) where
    F: Fn(Io, watch::Receiver<bool>) -> Fut + Send + Sync + 'static,
    Fut: std::future::Future<Output = ()> + Send + 'static,
{
    let _server = shared.web().shutdown.server_started(&shared);
    let mut stop = shared.web().shutdown.subscribe();
    let tracker = Tracker::default();
    let serve = Arc::new(serve);
    loop {
        let accepted = tokio::select! {
            r = listener.accept() => r,
            _ = stopped(&mut stop) => break,
        };
        let tcp = match accepted {
            Ok((tcp, _)) => tcp,
            Err(_) => {
                // Out of file descriptors or a connection reset before it was accepted:
                // keep serving the others; back off briefly so an exhausted limit does
                // not spin.
                tokio::time::sleep(Duration::from_millis(10)).await;
                continue;
            }
        };
        let _ = tcp.set_nodelay(true);
        let guard = tracker.enter();
        let tls = tls.clone();
        let serve = serve.clone();
        let stop = stop.clone();
        tokio::spawn(async move {
            let _guard = guard;
            let io = match tls {
                None => Io::Plain(tcp),
                Some(acceptor) => {
                    match tokio::time::timeout(TLS_HANDSHAKE_TIMEOUT, acceptor.accept(tcp)).await {
                        Ok(Ok(s)) => Io::Tls(Box::new(s)),
                        // A failed or slow handshake only concerns that client.
                        _ => return,
                    }
                }
            };
            serve(io, stop).await;
        });
    }
    drop(listener);
    tracker.idle().await;
    if let Some(t) = also {
        t.idle().await;
    }
}

/// Serves one HTTP/1.1 connection (keep-alive, upgrades allowed) with `service` until the
/// client closes it, it fails, or shutdown begins (then requests in flight finish first).
/// A client gets `header_timeout` to send each request's line and headers.
pub async fn serve_http1<S>(
    io: Io,
    service: S,
    header_timeout: Duration,
    mut stop: watch::Receiver<bool>,
) where
    S: HttpService<Incoming, ResBody = Full<Bytes>> + Send + 'static,
    S::Future: Send + 'static,
    S::Error: Into<Box<dyn std::error::Error + Send + Sync>>,
{
    let mut builder = hyper::server::conn::http1::Builder::new();
    builder
        .timer(TokioTimer::new())
        .keep_alive(true)
        .header_read_timeout(header_timeout)
        .max_header_size(MAX_HEAD_BYTES);
    let conn = builder
        .serve_connection(TokioIo::new(io), service)
        .with_upgrades();
    tokio::pin!(conn);
    tokio::select! {
        _ = conn.as_mut() => return,
        _ = stopped(&mut stop) => conn.as_mut().graceful_shutdown(),
    }
    // Errors of a single connection (a reset, a timeout) concern only its client.
    let _ = conn.await;
}
