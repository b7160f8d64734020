//! The WebSocket server over real loopback sockets: `tests/web/ws.mpl` is started with
//! `meshc run` and driven with tokio-tungstenite clients.

mod web_common;

use futures_util::{SinkExt, StreamExt};
use std::time::Duration;
use tokio::net::TcpStream;
use tokio_tungstenite::tungstenite::protocol::frame::coding::{CloseCode, Data, OpCode};
use tokio_tungstenite::tungstenite::protocol::frame::Frame;
use tokio_tungstenite::tungstenite::protocol::{CloseFrame, WebSocketConfig};
use tokio_tungstenite::tungstenite::Message;
use tokio_tungstenite::WebSocketStream;
use web_common::{self_signed, tls_client, Conn, Server};

type Ws = WebSocketStream<TcpStream>;

fn rt() -> tokio::runtime::Runtime {
    tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
        .unwrap_or_else(|e| panic!("{e}"))
}

async fn connect(port: u16, path: &str) -> Ws {
    let tcp = TcpStream::connect(("127.0.0.1", port))
        .await
        .unwrap_or_else(|e| panic!("{e}"));
    let req = tokio_tungstenite::tungstenite::http::Request::builder()
        .uri(format!("ws://localhost:{port}{path}"))
        .header("Host", format!("localhost:{port}"))
        .header("Connection", "Upgrade")
        .header("Upgrade", "websocket")
        .header("Sec-WebSocket-Version", "13")
        .header("Sec-WebSocket-Key", "dGhlIHNhbXBsZSBub25jZQ==")
        .header("X-Client", "tester")
        .body(())
        .unwrap_or_else(|e| panic!("{e}"));
    let config = WebSocketConfig::default().max_message_size(Some(64 << 20));
    let (ws, _) = tokio_tungstenite::client_async_with_config(req, tcp, Some(config))
        .await
        .unwrap_or_else(|e| panic!("handshake: {e}"));
    ws
}

/// The next data message as text (pings are answered by tungstenite).
async fn next_text(ws: &mut Ws) -> String {
    loop {
        let m = tokio::time::timeout(Duration::from_secs(10), ws.next())
            .await
            .unwrap_or_else(|_| panic!("no message within 10 s"));
        match m {
            Some(Ok(Message::Text(t))) => return t.to_string(),
            Some(Ok(Message::Binary(b))) => {
                return format!("binary:{}", String::from_utf8_lossy(&b))
            }
            Some(Ok(Message::Close(f))) => {
                return format!(
                    "close:{}:{}",
                    f.as_ref().map_or(0, |f| u16::from(f.code)),
                    f.as_ref().map_or(String::new(), |f| f.reason.to_string())
                )
            }
            Some(Ok(_)) => continue,
            Some(Err(e)) => return format!("error:{e}"),
            None => return "end".into(),
        }
    }
}

async fn send(ws: &mut Ws, text: &str) {
    ws.send(Message::Text(text.into()))
        .await
        .unwrap_or_else(|e| panic!("send: {e}"));
}

fn ws_server() -> Server {
    Server::start("ws.mpl", &[], &[])
}

#[test]
fn handshake_echo_and_callbacks() {
    let s = ws_server();
    assert!(s.stderr().contains("WebSocket server listening on"));
    rt().block_on(async {
        let mut a = connect(s.port, "/stream/projects/7?x=1").await;
        assert_eq!(
            next_text(&mut a).await,
            "welcome /stream/projects/7?x=1 tester"
        );
        send(&mut a, "hello").await;
        assert_eq!(next_text(&mut a).await, "echo:hello");
        send(&mut a, "binary").await;
        assert_eq!(next_text(&mut a).await, "binary:raw bytes");
        // Binary messages that are UTF-8 reach on_message as text.
        a.send(Message::Binary("bin".into()))
            .await
            .unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(next_text(&mut a).await, "echo:bin");
        // Messages keep their order.
        for i in 0..100 {
            send(&mut a, &format!("m{i}")).await;
        }
        for i in 0..100 {
            assert_eq!(next_text(&mut a).await, format!("echo:m{i}"));
        }
        a.close(Some(CloseFrame {
            code: CloseCode::from(4001),
            reason: "done".into(),
        }))
        .await
        .unwrap_or_else(|e| panic!("{e}"));
    });
    assert!(s.wait_stdout("closed 1 4001 done"), "{}", s.stdout());
}

#[test]
fn server_close_and_rejection() {
    let s = ws_server();
    rt().block_on(async {
        let mut a = connect(s.port, "/a").await;
        assert!(next_text(&mut a).await.starts_with("welcome"));
        send(&mut a, "close").await;
        assert_eq!(next_text(&mut a).await, "bye");
        assert_eq!(next_text(&mut a).await, "close:4000:server says bye");
        let mut r = connect(s.port, "/reject").await;
        assert_eq!(next_text(&mut r).await, "close:1008:rejected");
    });
    assert!(
        s.wait_stdout("closed 1 4000 server says bye"),
        "{}",
        s.stdout()
    );
    // A rejected connection was never open: no on_close for it.
    std::thread::sleep(Duration::from_millis(200));
    assert!(!s.stdout().contains("closed 2"), "{}", s.stdout());
}

#[test]
fn rooms_broadcast_and_leave() {
    let s = ws_server();
    rt().block_on(async {
        let mut cs = Vec::new();
        for i in 0..3 {
            let mut c = connect(s.port, &format!("/c{i}")).await;
            assert!(next_text(&mut c).await.starts_with("welcome"));
            cs.push(c);
        }
        send(&mut cs[0], "size").await;
        assert_eq!(next_text(&mut cs[0]).await, "size 3");
        send(&mut cs[0], "bcast:all").await;
        for c in cs.iter_mut() {
            assert_eq!(next_text(c).await, "all");
        }
        send(&mut cs[1], "except:others").await;
        assert_eq!(next_text(&mut cs[0]).await, "others");
        assert_eq!(next_text(&mut cs[2]).await, "others");
        send(&mut cs[1], "ping").await;
        assert_eq!(next_text(&mut cs[1]).await, "echo:ping");
        send(&mut cs[2], "leave").await;
        assert_eq!(next_text(&mut cs[2]).await, "left");
        send(&mut cs[0], "bcast:two").await;
        assert_eq!(next_text(&mut cs[0]).await, "two");
        assert_eq!(next_text(&mut cs[1]).await, "two");
        send(&mut cs[2], "ping").await;
        assert_eq!(next_text(&mut cs[2]).await, "echo:ping");
        // A connection that ends leaves its rooms.
        let c0 = cs.remove(0);
        drop(c0);
        tokio::time::sleep(Duration::from_millis(300)).await;
        send(&mut cs[0], "size").await;
        assert_eq!(next_text(&mut cs[0]).await, "size 1");
    });
    assert!(s.wait_stdout("closed 1 1006"), "{}", s.stdout());
}

#[test]
fn a_failing_callback_closes_with_1011_and_others_continue() {
    let s = ws_server();
    rt().block_on(async {
        let mut a = connect(s.port, "/a").await;
        let mut b = connect(s.port, "/b").await;
        next_text(&mut a).await;
        next_text(&mut b).await;
        send(&mut a, "crash").await;
        assert_eq!(next_text(&mut a).await, "close:1011:internal error");
        send(&mut b, "still").await;
        assert_eq!(next_text(&mut b).await, "echo:still");
    });
    assert!(s.wait_stdout("1011 internal error"), "{}", s.stdout());
    assert!(s.wait_stderr("List.head: empty list"), "{}", s.stderr());
}

#[test]
fn protocol_limits_invalid_utf8_and_oversized_messages() {
    let s = ws_server();
    rt().block_on(async {
        let mut a = connect(s.port, "/a").await;
        next_text(&mut a).await;
        let bad = Frame::message(vec![0xff, 0xfe, 0x41], OpCode::Data(Data::Text), true);
        a.send(Message::Frame(bad))
            .await
            .unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(next_text(&mut a).await, "close:1007:invalid UTF-8");

        let mut b = connect(s.port, "/b").await;
        next_text(&mut b).await;
        let bin = Frame::message(vec![0xff, 0x00], OpCode::Data(Data::Binary), true);
        b.send(Message::Frame(bin))
            .await
            .unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(
            next_text(&mut b).await,
            "close:1003:binary messages must be UTF-8 text"
        );

        let mut c = connect(s.port, "/c").await;
        next_text(&mut c).await;
        let big = "x".repeat(17 * 1024 * 1024);
        let _ = c.send(Message::Text(big.into())).await;
        assert_eq!(next_text(&mut c).await, "close:1009:message too big");

        let mut d = connect(s.port, "/d").await;
        next_text(&mut d).await;
        send(&mut d, "fine").await;
        assert_eq!(next_text(&mut d).await, "echo:fine");
    });
}

#[test]
fn a_slow_consumer_is_disconnected() {
    let s = ws_server();
    rt().block_on(async {
        let mut slow = connect(s.port, "/slow").await;
        next_text(&mut slow).await;
        // The server queues 6000 messages of 4 KiB for a client that does not read.
        send(&mut slow, "flood").await;
        let mut other = connect(s.port, "/other").await;
        next_text(&mut other).await;
        send(&mut other, "ok?").await;
        assert_eq!(next_text(&mut other).await, "echo:ok?");
        // The slow client stays connected (and silent) until the server gives up on it.
        let end = tokio::time::Instant::now() + Duration::from_secs(20);
        while !s.stdout().contains("closed 1 1008 slow consumer")
            && tokio::time::Instant::now() < end
        {
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
        drop(slow);
    });
    assert!(
        s.stdout().contains("closed 1 1008 slow consumer"),
        "{}",
        s.stdout()
    );
}

#[test]
fn bad_upgrade_requests_get_400() {
    let s = ws_server();
    let r = Conn::open(s.port).call("GET / HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
    assert_eq!(
        (r.status, r.body.as_str()),
        (400, "Bad Request: missing `Upgrade: websocket`")
    );
    let r = Conn::open(s.port).call(
        "GET / HTTP/1.1\r\nHost: x\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Version: 8\r\nSec-WebSocket-Key: a\r\n\r\n",
    );
    assert_eq!(r.status, 400);
    assert_eq!(r.header("sec-websocket-version"), Some("13"));
    let r = Conn::open(s.port).call(
        "POST / HTTP/1.1\r\nHost: x\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nContent-Length: 0\r\n\r\n",
    );
    assert_eq!(
        (r.status, r.body.as_str()),
        (400, "Bad Request: the method must be GET")
    );
}

#[test]
fn websocket_over_tls() {
    let (dir, cert, key) = self_signed();
    let s = Server::start(
        "ws.mpl",
        &[cert.to_str().unwrap_or(""), key.to_str().unwrap_or("")],
        &[],
    );
    let config = tls_client(&cert);
    rt().block_on(async {
        let tcp = TcpStream::connect(("127.0.0.1", s.port))
            .await
            .unwrap_or_else(|e| panic!("{e}"));
        let name =
            rustls::pki_types::ServerName::try_from("localhost").unwrap_or_else(|e| panic!("{e}"));
        let tls = tokio_rustls::TlsConnector::from(config)
            .connect(name, tcp)
            .await
            .unwrap_or_else(|e| panic!("TLS: {e}"));
        let (mut ws, _) =
            tokio_tungstenite::client_async(format!("wss://localhost:{}/t", s.port), tls)
                .await
                .unwrap_or_else(|e| panic!("handshake: {e}"));
        let first = ws.next().await;
        assert!(matches!(first, Some(Ok(Message::Text(t))) if t.as_str() == "welcome /t -"));
        ws.send(Message::Text("secure".into()))
            .await
            .unwrap_or_else(|e| panic!("{e}"));
        let echo = ws.next().await;
        assert!(matches!(echo, Some(Ok(Message::Text(t))) if t.as_str() == "echo:secure"));
    });
    let _ = std::fs::remove_dir_all(dir);
}

#[test]
fn sigterm_closes_connections_with_1001() {
    let mut s = ws_server();
    rt().block_on(async {
        let mut a = connect(s.port, "/a").await;
        next_text(&mut a).await;
        s.terminate();
        assert_eq!(next_text(&mut a).await, "close:1001:server shutting down");
    });
    let status = s
        .wait_exit(10)
        .unwrap_or_else(|| panic!("still running after SIGTERM"));
    assert_eq!(status.code(), Some(0));
    assert!(
        s.stdout().contains("closed 1 1001 server shutting down"),
        "{}",
        s.stdout()
    );
}

#[test]
fn pings_keep_live_clients_and_drop_silent_ones() {
    let s = Server::start(
        "ws.mpl",
        &[],
        &[("MESH_WS_PING_MS", "150"), ("MESH_WS_PONG_MS", "300")],
    );
    rt().block_on(async {
        // A client that reads answers the pings (tungstenite does) and stays connected.
        let mut live = connect(s.port, "/live").await;
        next_text(&mut live).await;
        let reader = tokio::spawn(async move {
            let mut seen = Vec::new();
            while let Some(Ok(m)) = live.next().await {
                seen.push(m);
            }
            seen
        });
        // A client that never reads cannot answer.
        let mut silent = connect(s.port, "/silent").await;
        next_text(&mut silent).await;
        let end = tokio::time::Instant::now() + Duration::from_secs(10);
        while !s.stdout().contains("1001 pong timeout") && tokio::time::Instant::now() < end {
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
        assert!(
            s.stdout().contains("closed 2 1001 pong timeout"),
            "{}",
            s.stdout()
        );
        tokio::time::sleep(Duration::from_millis(500)).await;
        assert!(!s.stdout().contains("closed 1 "), "{}", s.stdout());
        reader.abort();
        drop(silent);
    });
}

#[test]
fn http_handlers_broadcast_to_websocket_rooms() {
    let s = Server::start_n("combined.mpl", &[], &[], 2);
    let (ws_port, http_port) = (s.ports[0], s.ports[1]);
    rt().block_on(async {
        let mut a = connect(ws_port, "/rooms/p1").await;
        let mut b = connect(ws_port, "/rooms/p1").await;
        let mut c = connect(ws_port, "/rooms/p2").await;
        for ws in [&mut a, &mut b] {
            assert_eq!(next_text(ws).await, "joined p1");
        }
        assert_eq!(next_text(&mut c).await, "joined p2");
        let body = "{\"type\":\"event\"}";
        let r = tokio::task::spawn_blocking(move || {
            Conn::open(http_port).call(&format!(
                "POST /events/p1 HTTP/1.1\r\nHost: x\r\nContent-Length: {}\r\n\r\n{body}",
                body.len()
            ))
        })
        .await
        .unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(
            (r.status, r.body.as_str()),
            (202, "{\"members\":2,\"failed\":0}")
        );
        assert_eq!(next_text(&mut a).await, body);
        assert_eq!(next_text(&mut b).await, body);
        send(&mut c, "x").await;
        let quiet = tokio::time::timeout(Duration::from_millis(300), c.next()).await;
        assert!(quiet.is_err(), "p2 got {quiet:?}");
    });
}
