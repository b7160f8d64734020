//! The WebSocket server: a hyper server whose only service is the RFC 6455 upgrade, and the
//! task that owns each upgraded connection.
//!
//! The upgrade request must arrive within [`web::HANDSHAKE_TIMEOUT`] and is validated here
//! (GET, `Upgrade: websocket`, `Connection: upgrade`, a `Sec-WebSocket-Key`, version 13;
//! otherwise 400 `Bad Request: <reason>`). After the
//! `101`, the connection's task registers it, starts its Mesh process (the std function that
//! calls `on_connect` and then loops over `Ws.next`), and then multiplexes, in one
//! `select!`: frames from the socket (into the inbox, or pongs, or the client's close), the
//! outgoing queue (written in batches, each batch within [`WRITE_TIMEOUT`]), the ping timer
//! (a ping every [`PING_EVERY`], close 1001 when no pong comes within [`PONG_WAIT`]), the
//! slow-consumer signal, server shutdown, and the end of the process (a failure closes with
//! 1011 and runs `on_close` in a fresh process).

use super::{header_map, inbox_value, ConnTx, Event, Inbox, Out};
use crate::context::{ProcessCtx, Shared};
use crate::natives::job::JobSlot;
use crate::natives::web::{self, Io, Tracker};
use crate::natives::Args;
use crate::scheduler;
use bytes::Bytes;
use futures_util::{SinkExt, StreamExt};
use http_body_util::Full;
use hyper::body::Incoming;
use hyper::header::{
    HeaderValue, CONNECTION, CONTENT_TYPE, SEC_WEBSOCKET_ACCEPT, SEC_WEBSOCKET_KEY,
    SEC_WEBSOCKET_VERSION, UPGRADE,
};
use hyper::{Method, Request, Response, StatusCode};
use hyper_util::rt::TokioIo;
use mesh_vm::Value;
use std::convert::Infallible;
use std::hash::{BuildHasher, Hasher};
use std::sync::atomic::Ordering;
use std::sync::Arc;
use std::time::Duration;
use tokio::io::{AsyncRead, AsyncWrite};
use tokio::sync::{mpsc, watch};
use tokio::time::Instant;
use tokio_tungstenite::tungstenite::error::{Error as WsError, ProtocolError};
use tokio_tungstenite::tungstenite::handshake::derive_accept_key;
use tokio_tungstenite::tungstenite::protocol::frame::coding::CloseCode;
use tokio_tungstenite::tungstenite::protocol::{CloseFrame, Role, WebSocketConfig};
use tokio_tungstenite::tungstenite::Message;
use tokio_tungstenite::WebSocketStream;

/// Largest message (reassembled from its fragments), in bytes.
pub const MAX_MESSAGE: usize = 16 * 1024 * 1024;

/// Interval between the server's pings.
pub const PING_EVERY: Duration = Duration::from_secs(30);

/// How long the client has to answer a ping.
pub const PONG_WAIT: Duration = Duration::from_secs(10);

/// The ping interval and pong deadline: [`PING_EVERY`] and [`PONG_WAIT`], unless the
/// environment variables `MESH_WS_PING_MS` / `MESH_WS_PONG_MS` say otherwise (so that tests
/// need not wait 40 s to see a timeout).
fn ping_timings() -> (Duration, Duration) {
    static T: std::sync::OnceLock<(Duration, Duration)> = std::sync::OnceLock::new();
    *T.get_or_init(|| {
        let ms = |var: &str, default: Duration| {
            std::env::var(var)
                .ok()
                .and_then(|v| v.parse::<u64>().ok())
                .filter(|ms| *ms > 0)
                .map_or(default, Duration::from_millis)
        };
        (
            ms("MESH_WS_PING_MS", PING_EVERY),
            ms("MESH_WS_PONG_MS", PONG_WAIT),
        )
    })
}

/// How long one batch of outgoing messages may take to write before the client counts as
/// a slow consumer.
pub const WRITE_TIMEOUT: Duration = Duration::from_secs(10);

/// How long a closing handshake may take.
const CLOSE_WAIT: Duration = Duration::from_secs(2);

/// Incoming messages buffered for a busy process before reading from the socket pauses.
const INBOX_LEN: usize = 16;

/// Messages written before one flush.
const BATCH: usize = 64;

/// A running WebSocket server: the Mesh functions it calls and its live connections.
struct WsApp {
    shared: Arc<Shared>,
    /// std `Ws.run` bound to the callbacks: `entry(inbox, conn, path, headers)`.
    entry: Value,
    /// The user's `on_close`, called in a fresh process when a connection's process fails.
    on_close: Value,
    /// Upgraded connections (the hyper connection ends at the upgrade).
    live: Tracker,
}

/// `Ws.start(entry, on_close, port, cert, key)`: binds now (failures are errors of the
/// call), prints the "listening on" line and serves in the background; the server counts
/// as active, so the program keeps running.
pub fn start(ctx: &mut ProcessCtx, a: &mut Args) -> Result<Value, String> {
    let entry = a.take(0)?;
    let on_close = a.take(1)?;
    let port = a.int(2)?;
    let cert = a.str(3)?.to_string();
    let key = a.str(4)?.to_string();
    let tls = if cert.is_empty() {
        None
    } else {
        Some(web::tls_acceptor(&cert, &key).map_err(|e| a.fail(e))?)
    };
    let listener = web::bind(port).map_err(|e| a.fail(e))?;
    let what = if tls.is_some() {
        "WebSocket (TLS)"
    } else {
        "WebSocket"
    };
    ctx.out().write_err_line(&format!(
        "[mesh-rt] {what} server listening on {}",
        web::local_addr(&listener)
    ));
    let shared = ctx.shared().clone();
    let app = Arc::new(WsApp {
        shared: shared.clone(),
        entry,
        on_close,
        live: Tracker::default(),
    });
    // The server is something that can still make things happen (start processes), so it
    // keeps the program alive; the caller is active, as `enter` requires.
    shared.sched().enter();
    tokio::spawn(async move {
        let app2 = app.clone();
        web::accept_loop(
            shared.clone(),
            listener,
            tls,
            Some(app.live.clone()),
            move |io: Io, stop: watch::Receiver<bool>| {
                let app = app2.clone();
                async move {
                    let service = hyper::service::service_fn(move |req| {
                        let app = app.clone();
                        async move { Ok::<_, Infallible>(upgrade(app, req)) }
                    });
                    web::serve_http1(io, service, web::HANDSHAKE_TIMEOUT, stop).await
                }
            },
        )
        .await;
        shared.sched().leave();
    });
    Ok(Value::Unit)
}

/// A plain-text 400 for an upgrade request that is not one.
fn bad_request(reason: &str) -> Response<Full<Bytes>> {
    let mut r = Response::new(Full::new(Bytes::from(format!("Bad Request: {reason}"))));
    *r.status_mut() = StatusCode::BAD_REQUEST;
    r.headers_mut().insert(
        CONTENT_TYPE,
        HeaderValue::from_static("text/plain; charset=utf-8"),
    );
    r
}

/// True if header `h` of `req` holds `token` in its comma-separated list (any case).
fn has_token(req: &Request<Incoming>, h: hyper::header::HeaderName, token: &str) -> bool {
    req.headers().get_all(h).iter().any(|v| {
        v.to_str()
            .is_ok_and(|s| s.split(',').any(|t| t.trim().eq_ignore_ascii_case(token)))
    })
}

/// Answers an upgrade request: 101 and the connection's task, or 400.
fn upgrade(app: Arc<WsApp>, mut req: Request<Incoming>) -> Response<Full<Bytes>> {
    if req.method() != Method::GET {
        return bad_request("the method must be GET");
    }
    if !has_token(&req, UPGRADE, "websocket") {
        return bad_request("missing `Upgrade: websocket`");
    }
    if !has_token(&req, CONNECTION, "upgrade") {
        return bad_request("missing `Connection: upgrade`");
    }
    if req
        .headers()
        .get(SEC_WEBSOCKET_VERSION)
        .map(|v| v.as_bytes())
        != Some(b"13")
    {
        let mut r = bad_request("Sec-WebSocket-Version must be 13");
        r.headers_mut()
            .insert(SEC_WEBSOCKET_VERSION, HeaderValue::from_static("13"));
        return r;
    }
    let Some(key) = req.headers().get(SEC_WEBSOCKET_KEY) else {
        return bad_request("missing Sec-WebSocket-Key");
    };
    let Ok(accept) = HeaderValue::from_str(&derive_accept_key(key.as_bytes())) else {
        return bad_request("invalid Sec-WebSocket-Key");
    };
    let path = req
        .uri()
        .path_and_query()
        .map_or("/", |p| p.as_str())
        .to_string();
    let headers = header_map(req.headers());
    let on_upgrade = hyper::upgrade::on(&mut req);
    // The id is given now, so connections are numbered in the order of their handshakes.
    let (tx, out_rx) = app.shared.web().ws.open();
    let live = app.live.enter();
    tokio::spawn(async move {
        let _live = live;
        match on_upgrade.await {
            Ok(upgraded) => run(app, TokioIo::new(upgraded), tx, out_rx, path, headers).await,
            Err(_) => app.shared.web().ws.remove(&tx),
        }
    });
    let mut r = Response::new(Full::new(Bytes::new()));
    *r.status_mut() = StatusCode::SWITCHING_PROTOCOLS;
    let h = r.headers_mut();
    h.insert(UPGRADE, HeaderValue::from_static("websocket"));
    h.insert(CONNECTION, HeaderValue::from_static("Upgrade"));
    h.insert(SEC_WEBSOCKET_ACCEPT, accept);
    r
}

/// A fresh 4-byte ping payload.
fn ping_payload(id: i64, n: u64) -> Bytes {
    let mut h = std::collections::hash_map::RandomState::new().build_hasher();
    h.write_i64(id);
    h.write_u64(n);
    Bytes::copy_from_slice(&(h.finish() as u32).to_le_bytes())
}

/// How a batch of writes went.
enum Wrote {
    Ok,
    /// A `Close` was found in the queue behind the messages.
    Close(u16, String),
    Failed,
    /// The client did not take the messages in time, or its queue overflowed meanwhile.
    Slow,
}

/// Writes `first` and whatever else is queued (up to [`BATCH`]), then flushes.
async fn write_batch<S>(
    ws: &mut WebSocketStream<S>,
    first: Message,
    rx: &mut mpsc::Receiver<Out>,
    tx: &ConnTx,
) -> Wrote
where
    S: AsyncRead + AsyncWrite + Unpin,
{
    let work = async {
        ws.feed(first).await?;
        let mut close = None;
        for _ in 1..BATCH {
            match rx.try_recv() {
                Ok(Out::Msg(m, n)) => {
                    tx.taken(n);
                    ws.feed(m).await?;
                }
                Ok(Out::Close(code, reason)) => {
                    close = Some((code, reason));
                    break;
                }
                Err(_) => break,
            }
        }
        ws.flush().await?;
        Ok::<_, WsError>(close)
    };
    // A client found too slow while its socket is full interrupts the write at once.
    let slow = tx.kick.notified();
    tokio::select! {
        r = tokio::time::timeout(WRITE_TIMEOUT, work) => match r {
            Ok(Ok(None)) => Wrote::Ok,
            Ok(Ok(Some((code, reason)))) => Wrote::Close(code, reason),
            Ok(Err(WsError::WriteBufferFull(_))) | Err(_) => Wrote::Slow,
            Ok(Err(_)) => Wrote::Failed,
        },
        _ = slow => Wrote::Slow,
    }
}

/// Sends a close frame and waits briefly for the client's; the code and reason to report.
async fn close<S>(ws: &mut WebSocketStream<S>, code: u16, reason: &str) -> (u16, String)
where
    S: AsyncRead + AsyncWrite + Unpin,
{
    let frame = CloseFrame {
        code: CloseCode::from(code),
        reason: reason.into(),
    };
    let _ = tokio::time::timeout(CLOSE_WAIT, async {
        if ws.close(Some(frame)).await.is_ok() {
            while let Some(Ok(_)) = ws.next().await {}
        }
    })
    .await;
    (code, reason.to_string())
}

/// After the client's close frame: lets tungstenite send the reply and finish.
async fn finish_close<S>(ws: &mut WebSocketStream<S>)
where
    S: AsyncRead + AsyncWrite + Unpin,
{
    let _ = tokio::time::timeout(CLOSE_WAIT, async {
        while let Some(Ok(_)) = ws.next().await {}
    })
    .await;
}

/// The life of one upgraded connection, registered as `tx`.
async fn run<S>(
    app: Arc<WsApp>,
    io: S,
    tx: Arc<ConnTx>,
    mut out_rx: mpsc::Receiver<Out>,
    path: String,
    headers: Value,
) where
    S: AsyncRead + AsyncWrite + Unpin + Send + 'static,
{
    let config = WebSocketConfig::default()
        .max_message_size(Some(MAX_MESSAGE))
        .max_frame_size(Some(MAX_MESSAGE))
        .max_write_buffer_size(2 * MAX_MESSAGE);
    let mut ws = WebSocketStream::from_raw_socket(io, Role::Server, Some(config)).await;
    let registry = &app.shared.web().ws;
    let (in_tx, in_rx) = mpsc::channel(INBOX_LEN);
    let inbox = Arc::new(Inbox::new(in_rx));
    let slot = Arc::new(JobSlot::default());
    let args = vec![
        inbox_value(inbox.clone()),
        Value::Int(tx.id),
        Value::str(path),
        headers,
    ];
    if scheduler::spawn(&app.shared, &app.entry, args, Some(slot.clone())).is_err() {
        close(&mut ws, 1011, "internal error").await;
        registry.remove(&tx);
        return;
    }
    let mut stop = app.shared.web().shutdown.subscribe();
    let mut pending: Option<Event> = None;
    let (ping_every, pong_wait) = ping_timings();
    let mut ping = tokio::time::interval_at(Instant::now() + ping_every, ping_every);
    ping.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
    let mut pings = 0u64;
    let mut awaited_pong: Option<Bytes> = None;
    let pong_timer = tokio::time::sleep(pong_wait);
    tokio::pin!(pong_timer);
    let mut process_done = false;
    let mut process_failed = false;
    let (code, reason) = loop {
        // Unbiased: under a steady stream of outgoing messages the socket must still be
        // read (pongs, the client's messages and close).
        tokio::select! {
            r = slot.wait(), if !process_done => {
                process_done = true;
                if r.is_err() {
                    process_failed = true;
                    break close(&mut ws, 1011, "internal error").await;
                }
            }
            _ = tx.kick.notified() => break close(&mut ws, 1008, "slow consumer").await,
            _ = web::stopped(&mut stop) => break close(&mut ws, 1001, "server shutting down").await,
            _ = &mut pong_timer, if awaited_pong.is_some() => {
                break close(&mut ws, 1001, "pong timeout").await
            }
            _ = ping.tick() => {
                if awaited_pong.is_none() {
                    pings += 1;
                    let payload = ping_payload(tx.id, pings);
                    awaited_pong = Some(payload.clone());
                    pong_timer.as_mut().reset(Instant::now() + pong_wait);
                    match write_batch(&mut ws, Message::Ping(payload), &mut out_rx, &tx).await {
                        Wrote::Ok => {}
                        Wrote::Close(c, r) => break close(&mut ws, c, &r).await,
                        Wrote::Failed => break (1006, String::new()),
                        Wrote::Slow => break close(&mut ws, 1008, "slow consumer").await,
                    }
                }
            }
            permit = in_tx.reserve(), if pending.is_some() => {
                if let (Ok(permit), Some(ev)) = (permit, pending.take()) {
                    permit.send(ev);
                }
            }
            out = out_rx.recv() => match out {
                Some(Out::Msg(m, n)) => {
                    tx.taken(n);
                    match write_batch(&mut ws, m, &mut out_rx, &tx).await {
                        Wrote::Ok => {}
                        Wrote::Close(c, r) => break close(&mut ws, c, &r).await,
                        Wrote::Failed => break (1006, String::new()),
                        Wrote::Slow => break close(&mut ws, 1008, "slow consumer").await,
                    }
                }
                Some(Out::Close(c, r)) => break close(&mut ws, c, &r).await,
                // The registry holds the sender while the connection is open.
                None => break close(&mut ws, 1011, "internal error").await,
            },
            frame = ws.next(), if pending.is_none() => match frame {
                Some(Ok(Message::Text(t))) => pending = Some(Event::Message(t.as_str().to_string())),
                Some(Ok(Message::Binary(b))) => match String::from_utf8(Vec::from(b)) {
                    Ok(s) => pending = Some(Event::Message(s)),
                    Err(_) => break close(&mut ws, 1003, "binary messages must be UTF-8 text").await,
                },
                Some(Ok(Message::Pong(p))) => {
                    if awaited_pong.as_ref() == Some(&p) {
                        awaited_pong = None;
                    }
                }
                Some(Ok(Message::Close(frame))) => {
                    finish_close(&mut ws).await;
                    break frame.map_or((1000, String::new()), |f| (u16::from(f.code), f.reason.to_string()));
                }
                // Pings are answered by tungstenite on the next read or write.
                Some(Ok(Message::Ping(_) | Message::Frame(_))) => {}
                Some(Err(WsError::Capacity(_))) => break close(&mut ws, 1009, "message too big").await,
                Some(Err(WsError::Utf8(_))) => break close(&mut ws, 1007, "invalid UTF-8").await,
                Some(Err(WsError::Protocol(ProtocolError::ResetWithoutClosingHandshake))) => {
                    break (1006, String::new())
                }
                Some(Err(WsError::Protocol(_))) => break close(&mut ws, 1002, "protocol error").await,
                Some(Err(_)) | None => break (1006, String::new()),
            },
        }
    };
    drop(ws);
    registry.remove(&tx);
    drop(out_rx);
    if !process_done {
        // The process sees what was still pending, then the end; or it ends first.
        let deliver = async {
            if let Some(ev) = pending.take() {
                let _ = in_tx.send(ev).await;
            }
            let _ = in_tx.send(Event::Closed(code, reason)).await;
        };
        tokio::select! {
            _ = deliver => {}
            r = slot.wait() => {
                process_done = true;
                process_failed = r.is_err();
            }
        }
        if !process_done {
            process_failed = slot.wait().await.is_err();
        }
    }
    if process_failed
        && inbox.accepted.load(Ordering::SeqCst)
        && !inbox.closed_taken.load(Ordering::SeqCst)
    {
        let args = vec![
            Value::Int(tx.id),
            Value::Int(1011),
            Value::str("internal error"),
        ];
        let _ = scheduler::spawn(&app.shared, &app.on_close, args, None);
    }
}
