//! Natives of `Ws` (`std/ws.mpl`): the WebSocket server, sending, closing and rooms
//! (stdlib.md §14).
//!
//! Each connection has an `Int` id (from 1), a [`ConnTx`] in the program's [`Registry`]
//! (how `Ws.send` and the rooms reach it) and a task owning the socket ([`conn`]), which
//! also runs the connection's Mesh process. Sending never waits: a message is put on the
//! connection's bounded outgoing queue ([`QUEUE_LEN`] messages, [`QUEUE_BYTES`] bytes) that
//! the task drains to the socket; when the queue is full the client is not keeping up and
//! is disconnected (close 1008 `slow consumer`) rather than allowed to grow memory. So a
//! broadcast to a thousand clients costs a thousand queue pushes of one shared buffer, and
//! one slow client slows nobody else.
//!
//! Incoming messages flow the other way through the connection's [`Inbox`], a small bounded
//! channel read by the process with `Ws.next`; when the process is busy the task stops
//! reading the socket (TCP backpressure).

pub mod conn;

use super::{empty_map, Args, Ret};
use crate::context::ProcessCtx;
use bytes::Bytes;
use indexmap::IndexMap;
use mesh_vm::value::Handle;
use mesh_vm::{NativeResult, Value};
use std::collections::HashMap;
use std::sync::atomic::{AtomicBool, AtomicI64, AtomicUsize, Ordering};
use std::sync::{Arc, Mutex, RwLock};
use tokio::sync::{mpsc, Notify};
use tokio_tungstenite::tungstenite::Message;

/// Messages an outgoing queue holds.
pub const QUEUE_LEN: usize = 1024;

/// Bytes an outgoing queue holds (a single larger message is still accepted into an empty
/// queue).
pub const QUEUE_BYTES: usize = 16 * 1024 * 1024;

/// The Mesh type name of an inbox handle.
const INBOX: &str = "Inbox";

/// What the connection task is asked to send.
pub enum Out {
    /// A data message and its size (for the byte budget).
    Msg(Message, usize),
    /// Close with this code and reason (after the messages queued before it).
    Close(u16, String),
}

/// The sending side of one connection, shared by the registry and its rooms.
pub struct ConnTx {
    pub id: i64,
    out: mpsc::Sender<Out>,
    /// Bytes of messages queued and not yet taken by the connection task.
    queued: AtomicUsize,
    /// Set when the client was found too slow; the task then closes the connection.
    slow: AtomicBool,
    /// Wakes the task when `slow` is set.
    kick: Notify,
    /// Rooms this connection is in (to leave them when it ends).
    rooms: Mutex<Vec<String>>,
}

impl ConnTx {
    fn new(id: i64) -> (Arc<ConnTx>, mpsc::Receiver<Out>) {
        let (out, rx) = mpsc::channel(QUEUE_LEN);
        let tx = Arc::new(ConnTx {
            id,
            out,
            queued: AtomicUsize::new(0),
            slow: AtomicBool::new(false),
            kick: Notify::new(),
            rooms: Mutex::new(Vec::new()),
        });
        (tx, rx)
    }

    /// Queues a message; false (and the client marked slow) when the queue is full, false
    /// when the connection is closing.
    pub fn push(&self, m: Message) -> bool {
        if self.slow.load(Ordering::Relaxed) {
            return false;
        }
        let n = m.len();
        let before = self.queued.fetch_add(n, Ordering::Relaxed);
        if before > 0 && before + n > QUEUE_BYTES {
            self.queued.fetch_sub(n, Ordering::Relaxed);
            self.mark_slow();
            return false;
        }
        match self.out.try_send(Out::Msg(m, n)) {
            Ok(()) => true,
            Err(e) => {
                self.queued.fetch_sub(n, Ordering::Relaxed);
                if matches!(e, mpsc::error::TrySendError::Full(_)) {
                    self.mark_slow();
                }
                false
            }
        }
    }

    /// Asks the task to close the connection after the queued messages; a full queue makes
    /// it a slow-consumer close.
    fn close(&self, code: u16, reason: String) -> bool {
        match self.out.try_send(Out::Close(code, reason)) {
            Ok(()) => true,
            Err(mpsc::error::TrySendError::Full(_)) => {
                self.mark_slow();
                true
            }
            Err(mpsc::error::TrySendError::Closed(_)) => false,
        }
    }

    fn mark_slow(&self) {
        if !self.slow.swap(true, Ordering::SeqCst) {
            self.kick.notify_one();
        }
    }

    /// Called by the connection task for each message it takes off the queue.
    fn taken(&self, n: usize) {
        self.queued.fetch_sub(n, Ordering::Relaxed);
    }
}

/// Open connections and rooms of one program.
pub struct Registry {
    next_id: AtomicI64,
    conns: Mutex<HashMap<i64, Arc<ConnTx>>>,
    /// Room name → members in joining order.
    rooms: RwLock<HashMap<String, IndexMap<i64, Arc<ConnTx>>>>,
}

impl Default for Registry {
    fn default() -> Registry {
        Registry {
            next_id: AtomicI64::new(1),
            conns: Mutex::new(HashMap::new()),
            rooms: RwLock::new(HashMap::new()),
        }
    }
}

impl Registry {
    /// Registers a new connection; its sending side and the queue's receiving end.
    fn open(&self) -> (Arc<ConnTx>, mpsc::Receiver<Out>) {
        let id = self.next_id.fetch_add(1, Ordering::Relaxed);
        let (tx, rx) = ConnTx::new(id);
        self.conns
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .insert(id, tx.clone());
        (tx, rx)
    }

    /// Forgets a connection and takes it out of its rooms.
    fn remove(&self, tx: &ConnTx) {
        self.conns
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .remove(&tx.id);
        // Under the rooms lock, which `join` holds while recording a membership, so that
        // no join can slip in between.
        let mut all = self.rooms.write().unwrap_or_else(|e| e.into_inner());
        let rooms = std::mem::take(&mut *tx.rooms.lock().unwrap_or_else(|e| e.into_inner()));
        for r in rooms {
            if let Some(members) = all.get_mut(&r) {
                members.shift_remove(&tx.id);
                if members.is_empty() {
                    all.remove(&r);
                }
            }
        }
    }

    fn get(&self, id: i64) -> Option<Arc<ConnTx>> {
        self.conns
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .get(&id)
            .cloned()
    }

    fn join(&self, id: i64, room: &str) -> bool {
        let Some(tx) = self.get(id) else {
            return false;
        };
        let mut all = self.rooms.write().unwrap_or_else(|e| e.into_inner());
        // Checked again under the rooms lock: `remove` takes it after unregistering, so a
        // connection that ended cannot be left in a room.
        if self.get(id).is_none() {
            return false;
        }
        let members = all.entry(room.to_string()).or_default();
        if members.insert(id, tx.clone()).is_none() {
            tx.rooms
                .lock()
                .unwrap_or_else(|e| e.into_inner())
                .push(room.to_string());
        }
        true
    }

    fn leave(&self, id: i64, room: &str) -> bool {
        let Some(tx) = self.get(id) else {
            return false;
        };
        let mut all = self.rooms.write().unwrap_or_else(|e| e.into_inner());
        if let Some(members) = all.get_mut(room) {
            members.shift_remove(&id);
            if members.is_empty() {
                all.remove(room);
            }
        }
        tx.rooms
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .retain(|r| r != room);
        true
    }

    /// Queues `m` for every member of `room` but `except`; the number of failures.
    fn broadcast(&self, room: &str, m: &Message, except: Option<i64>) -> i64 {
        let all = self.rooms.read().unwrap_or_else(|e| e.into_inner());
        let Some(members) = all.get(room) else {
            return 0;
        };
        let mut failed = 0;
        for (id, tx) in members {
            if Some(*id) != except && !tx.push(m.clone()) {
                failed += 1;
            }
        }
        failed
    }

    fn room_size(&self, room: &str) -> usize {
        self.rooms
            .read()
            .unwrap_or_else(|e| e.into_inner())
            .get(room)
            .map_or(0, |m| m.len())
    }
}

/// An event for a connection's process.
pub enum Event {
    Message(String),
    /// The connection ended with this code and reason.
    Closed(u16, String),
}

/// The receiving side of a connection, owned by its process (as an `Inbox` handle).
pub struct Inbox {
    rx: tokio::sync::Mutex<mpsc::Receiver<Event>>,
    /// Set when the process first asks for a message: `on_connect` accepted.
    accepted: AtomicBool,
    /// Set when the process has received the `Closed` event (its `on_close` runs).
    closed_taken: AtomicBool,
}

impl Inbox {
    fn new(rx: mpsc::Receiver<Event>) -> Inbox {
        Inbox {
            rx: tokio::sync::Mutex::new(rx),
            accepted: AtomicBool::new(false),
            closed_taken: AtomicBool::new(false),
        }
    }
}

fn registry(ctx: &ProcessCtx) -> &Registry {
    &ctx.shared().web().ws
}

/// The text of argument `i`, moved out when unshared.
fn take_text(a: &mut Args, i: usize) -> Result<String, String> {
    let s = a.take_str(i)?;
    Ok(Arc::try_unwrap(s).unwrap_or_else(|s| (*s).clone()))
}

fn status(ok: bool) -> Value {
    Value::Int(if ok { 0 } else { -1 })
}

/// `Ws.send(conn, text)`.
pub fn send(ctx: &mut ProcessCtx, a: &mut Args) -> Ret {
    let id = a.int(0)?;
    let text = take_text(a, 1)?;
    Ok(status(
        registry(ctx)
            .get(id)
            .is_some_and(|tx| tx.push(Message::Text(text.into()))),
    ))
}

/// `Ws.send_binary(conn, data)`.
pub fn send_binary(ctx: &mut ProcessCtx, a: &mut Args) -> Ret {
    let id = a.int(0)?;
    let data = take_text(a, 1)?;
    Ok(status(registry(ctx).get(id).is_some_and(|tx| {
        tx.push(Message::Binary(Bytes::from(data.into_bytes())))
    })))
}

/// True for a close code an endpoint may send (RFC 6455 §7.4).
fn sendable_code(code: i64) -> bool {
    matches!(code, 1000..=1003 | 1007..=1014 | 3000..=4999)
}

/// `Ws.close(conn, code, reason)`.
pub fn close(ctx: &mut ProcessCtx, a: &mut Args) -> Ret {
    let id = a.int(0)?;
    let code = a.int(1)?;
    let reason = take_text(a, 2)?;
    if !sendable_code(code) || reason.len() > 123 {
        return Ok(status(false));
    }
    Ok(status(
        registry(ctx)
            .get(id)
            .is_some_and(|tx| tx.close(code as u16, reason)),
    ))
}

/// `Ws.join(conn, room)`.
pub fn join(ctx: &mut ProcessCtx, a: &mut Args) -> Ret {
    Ok(status(registry(ctx).join(a.int(0)?, a.str(1)?)))
}

/// `Ws.leave(conn, room)`.
pub fn leave(ctx: &mut ProcessCtx, a: &mut Args) -> Ret {
    Ok(status(registry(ctx).leave(a.int(0)?, a.str(1)?)))
}

/// `Ws.broadcast(room, text)`: the number of members it could not be queued for.
pub fn broadcast(ctx: &mut ProcessCtx, a: &mut Args) -> Ret {
    let text = take_text(a, 1)?;
    let m = Message::Text(text.into());
    Ok(Value::Int(registry(ctx).broadcast(a.str(0)?, &m, None)))
}

/// `Ws.broadcast_except(room, text, conn)`.
pub fn broadcast_except(ctx: &mut ProcessCtx, a: &mut Args) -> Ret {
    let text = take_text(a, 1)?;
    let m = Message::Text(text.into());
    let except = a.int(2)?;
    Ok(Value::Int(registry(ctx).broadcast(
        a.str(0)?,
        &m,
        Some(except),
    )))
}

/// `Ws.room_size(room)`.
pub fn room_size(ctx: &mut ProcessCtx, a: &mut Args) -> Ret {
    Ok(super::int_of(registry(ctx).room_size(a.str(0)?)))
}

/// `Ws.start(entry, on_close, port, cert, key)`: binds and starts the server in the
/// background (see [`conn`]).
pub fn start(ctx: &mut ProcessCtx, a: &mut Args) -> Ret {
    conn::start(ctx, a)
}

/// `Ws.next(inbox)`: the connection's next event as `(kind, code, text)`.
pub fn next(_: &mut ProcessCtx, a: &mut Args) -> NativeResult {
    let inbox = match a.value(0) {
        Ok(Value::Handle(h)) => h.downcast::<Arc<Inbox>>().cloned(),
        _ => None,
    };
    let Some(inbox) = inbox else {
        return NativeResult::Error(a.fail("argument 1 should be an Inbox"));
    };
    inbox.accepted.store(true, Ordering::SeqCst);
    NativeResult::Suspend(Box::pin(async move {
        let event = inbox.rx.lock().await.recv().await;
        let (kind, code, text) = match event {
            Some(Event::Message(t)) => (0, 0, t),
            Some(Event::Closed(code, reason)) => (1, code, reason),
            None => (1, 1006, String::new()),
        };
        if kind == 1 {
            inbox.closed_taken.store(true, Ordering::SeqCst);
        }
        Ok(Value::tuple(vec![
            Value::Int(kind),
            Value::Int(code as i64),
            Value::str(text),
        ]))
    }))
}

/// The headers of an upgrade request as a Mesh map (names in lower case).
fn header_map(headers: &hyper::HeaderMap) -> Value {
    let mut m = empty_map(headers.keys_len());
    for (name, v) in headers {
        if let Ok(text) = std::str::from_utf8(v.as_bytes()) {
            m.insert(Value::str(name.as_str()), Value::str(text));
        }
    }
    Value::Map(Arc::new(m))
}

/// Wraps an inbox as a Mesh value.
fn inbox_value(inbox: Arc<Inbox>) -> Value {
    Handle::new_value(INBOX, inbox)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rooms_follow_joins_leaves_and_closes() {
        let reg = Registry::default();
        let (a, _ra) = reg.open();
        let (b, mut rb) = reg.open();
        assert!(reg.join(a.id, "r"));
        assert!(reg.join(b.id, "r"));
        assert!(reg.join(b.id, "r"));
        assert_eq!(reg.room_size("r"), 2);
        assert_eq!(
            reg.broadcast("r", &Message::Text("x".into()), Some(a.id)),
            0
        );
        assert!(matches!(rb.try_recv(), Ok(Out::Msg(Message::Text(t), 1)) if t.as_str() == "x"));
        assert!(rb.try_recv().is_err());
        assert!(reg.leave(a.id, "r"));
        assert_eq!(reg.room_size("r"), 1);
        reg.remove(&b);
        assert_eq!(reg.room_size("r"), 0);
        assert!(!reg.join(b.id, "r"));
        assert!(!reg.join(99, "r"));
    }

    #[test]
    fn a_full_queue_marks_the_client_slow() {
        let reg = Registry::default();
        let (a, _rx) = reg.open();
        for _ in 0..QUEUE_LEN {
            assert!(a.push(Message::Text("m".into())));
        }
        assert!(!a.push(Message::Text("m".into())));
        assert!(a.slow.load(Ordering::SeqCst));
        assert!(!a.push(Message::Text("m".into())));
    }

    #[test]
    fn the_byte_budget_bounds_a_queue() {
        let reg = Registry::default();
        let (a, _rx) = reg.open();
        let big = "x".repeat(QUEUE_BYTES);
        assert!(a.push(Message::Text(big.clone().into())));
        assert!(!a.push(Message::Text("y".into())));
        let (b, mut rx) = reg.open();
        assert!(b.push(Message::Text(big.into())));
        if let Ok(Out::Msg(_, n)) = rx.try_recv() {
            b.taken(n);
        }
        assert!(b.push(Message::Text("y".into())));
    }

    #[test]
    fn only_sendable_close_codes() {
        assert!(sendable_code(1000));
        assert!(sendable_code(4000));
        assert!(!sendable_code(1005));
        assert!(!sendable_code(1006));
        assert!(!sendable_code(999));
        assert!(!sendable_code(5000));
    }
}
