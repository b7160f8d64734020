//! Load client of the WebSocket broadcast benchmark (`bench/run.sh http`): connects N
//! clients to a Mesh WebSocket server running `bench/http/ws_broadcast.mpl` (every client
//! joins one room), then asks the server for bursts of broadcasts and measures how many
//! messages per second reach the clients.
//!
//! Usage: `ws_load PORT [CLIENTS] [BURSTS] [PER_BURST]` (defaults 1000, 10, 500). Each
//! burst is `PER_BURST` broadcasts to all clients; the next burst is requested when every
//! client has received the previous one, so the server's per-connection queues (1024
//! messages) are never overrun. Prints `clients=… messages=… seconds=… msgs_per_sec=…`.

use futures_util::{SinkExt, StreamExt};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Arc;
use std::time::{Duration, Instant};
use tokio::net::TcpStream;
use tokio::sync::Notify;
use tokio_tungstenite::tungstenite::Message;

fn arg(i: usize, default: u64) -> u64 {
    std::env::args()
        .nth(i)
        .and_then(|a| a.parse().ok())
        .unwrap_or(default)
}

async fn connect(port: u16) -> Result<tokio_tungstenite::WebSocketStream<TcpStream>, String> {
    let tcp = TcpStream::connect(("127.0.0.1", port))
        .await
        .map_err(|e| format!("connect: {e}"))?;
    let _ = tcp.set_nodelay(true);
    let (ws, _) = tokio_tungstenite::client_async(format!("ws://127.0.0.1:{port}/bench"), tcp)
        .await
        .map_err(|e| format!("handshake: {e}"))?;
    Ok(ws)
}

fn main() {
    let port = arg(1, 0) as u16;
    let clients = arg(2, 1000);
    let bursts = arg(3, 10);
    let per_burst = arg(4, 500);
    if port == 0 {
        eprintln!("usage: ws_load PORT [CLIENTS] [BURSTS] [PER_BURST]");
        std::process::exit(2);
    }
    let rt = match tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
    {
        Ok(rt) => rt,
        Err(e) => {
            eprintln!("ws_load: {e}");
            std::process::exit(1);
        }
    };
    match rt.block_on(run(port, clients, bursts, per_burst)) {
        Ok(line) => println!("{line}"),
        Err(e) => {
            eprintln!("ws_load: {e}");
            std::process::exit(1);
        }
    }
}

async fn run(port: u16, clients: u64, bursts: u64, per_burst: u64) -> Result<String, String> {
    let received = Arc::new(AtomicU64::new(0));
    let progress = Arc::new(Notify::new());
    let mut driver = None;
    for i in 0..clients {
        let mut ws = connect(port).await?;
        // The server greets every client once it has joined the room.
        match tokio::time::timeout(Duration::from_secs(10), ws.next()).await {
            Ok(Some(Ok(Message::Text(_)))) => {}
            other => return Err(format!("client {i}: no greeting: {other:?}")),
        }
        if i == 0 {
            driver = Some(ws);
            continue;
        }
        let received = received.clone();
        let progress = progress.clone();
        tokio::spawn(async move {
            while let Some(Ok(m)) = ws.next().await {
                if let Message::Text(_) = m {
                    received.fetch_add(1, Ordering::Relaxed);
                    progress.notify_one();
                }
            }
        });
    }
    let mut driver = driver.ok_or("no clients")?;
    let listeners = clients - 1;
    let start = Instant::now();
    for b in 0..bursts {
        driver
            .send(Message::Text(format!("burst:{per_burst}").into()))
            .await
            .map_err(|e| format!("driver: {e}"))?;
        // The driver is a member too: drain its copies.
        let mut own = 0;
        while own < per_burst {
            match tokio::time::timeout(Duration::from_secs(60), driver.next()).await {
                Ok(Some(Ok(Message::Text(_)))) => own += 1,
                Ok(Some(Ok(_))) => {}
                other => return Err(format!("driver: burst {b}: {other:?}")),
            }
        }
        let want = (b + 1) * per_burst * listeners;
        let deadline = Instant::now() + Duration::from_secs(60);
        while received.load(Ordering::Relaxed) < want {
            if Instant::now() > deadline {
                return Err(format!(
                    "burst {b}: {} of {want} messages arrived",
                    received.load(Ordering::Relaxed)
                ));
            }
            let _ = tokio::time::timeout(Duration::from_millis(5), progress.notified()).await;
        }
    }
    let secs = start.elapsed().as_secs_f64();
    let messages = bursts * per_burst * clients;
    Ok(format!(
        "clients={clients} messages={messages} seconds={secs:.3} msgs_per_sec={:.0}",
        messages as f64 / secs
    ))
}
