//! The part of a process that other processes can see: its id and its mailbox.
//!
//! A [`Value::Pid`] is an `Arc<ProcessRef>`, so `send` is a push onto
//! the target's queue plus a wake-up — no registry lookup. The scheduler (in `mesh-rt`)
//! owns everything else about a process; this crate only needs the mailbox to implement
//! `receive`.

use crate::value::Value;
use std::collections::VecDeque;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Mutex;
use std::task::Waker;

/// Identity and mailbox of one process.
pub struct ProcessRef {
    /// Unique, never reused within one program run.
    pub id: u64,
    pub mailbox: Mailbox,
}

impl ProcessRef {
    /// A process reference with an empty mailbox.
    pub fn new(id: u64) -> ProcessRef {
        ProcessRef {
            id,
            mailbox: Mailbox::default(),
        }
    }
}

/// Messages sent to a process and not yet taken by its `receive`.
#[derive(Default)]
pub struct Mailbox {
    queue: Mutex<VecDeque<Value>>,
    waker: Mutex<Option<Waker>>,
    closed: AtomicBool,
}

impl Mailbox {
    /// Appends a message and wakes the owner if it is waiting. Messages to a process that
    /// has exited are dropped (as in Erlang). Returns false in that case.
    pub fn push(&self, msg: Value) -> bool {
        if self.closed.load(Ordering::Acquire) {
            return false;
        }
        lock(&self.queue).push_back(msg);
        if let Some(w) = lock(&self.waker).take() {
            w.wake();
        }
        true
    }

    /// Moves every queued message into `into` (the receiver's private save queue).
    pub fn drain_into(&self, into: &mut VecDeque<Value>) -> usize {
        let mut q = lock(&self.queue);
        let n = q.len();
        into.extend(q.drain(..));
        n
    }

    /// True if messages are waiting.
    pub fn has_messages(&self) -> bool {
        !lock(&self.queue).is_empty()
    }

    /// Registers the waker to call on the next `push`. Returns true if messages arrived
    /// meanwhile (the caller should not sleep).
    pub fn register_waker(&self, waker: &Waker) -> bool {
        *lock(&self.waker) = Some(waker.clone());
        self.has_messages()
    }

    /// Marks the mailbox closed (the process exited) and drops pending messages.
    pub fn close(&self) {
        self.closed.store(true, Ordering::Release);
        lock(&self.queue).clear();
        lock(&self.waker).take();
    }

    /// True once the owning process has exited.
    pub fn is_closed(&self) -> bool {
        self.closed.load(Ordering::Acquire)
    }
}

/// Locks a mutex, ignoring poisoning (a panicking holder cannot leave a queue half-updated).
fn lock<T>(m: &Mutex<T>) -> std::sync::MutexGuard<'_, T> {
    m.lock().unwrap_or_else(|e| e.into_inner())
}
