//! The part of a process that other processes can see: its id, its mailbox, and the state
//! that exit signals, links and monitors act on.
//!
//! A [`Value::Pid`] is an `Arc<ProcessRef>`, so `send` is a push onto the target's queue
//! plus a wake-up — no registry lookup. The scheduler (in `mesh-rt`) owns the process's
//! task, its fiber and the policy (who gets which signal, what an exit means); this module
//! owns the shared state those decisions read and change, under one lock per process, so
//! that each check-and-act is atomic with respect to the process's own death:
//!
//! * the message queue and the waker of the owning task;
//! * whether the process is dead, and why (its [`ExitReason`]), or an exit request that its
//!   task has not acted on yet;
//! * the `trap_exit` flag, and whether the owner is *parked* — waiting in `receive` with no
//!   timeout, which the scheduler counts to detect that nothing can happen any more;
//! * [`Ties`]: links, monitors watching this process, registered names and a runtime
//!   attachment (e.g. a job's result slot), allocated only for processes that have any.
//!
//! A parked process costs one small allocation here (about 120 bytes): everything rarely
//! needed lives behind the optional [`Ties`] box.
//!
//! Methods that can make a parked owner runnable again take an `on_unpark` callback, run
//! under the lock when that happens: the scheduler counts the process as active again
//! before the owner can possibly park (and uncount itself) a second time.

use crate::value::Value;
use std::any::Any;
use std::collections::VecDeque;
use std::sync::{Arc, Mutex, MutexGuard};
use std::task::Waker;

/// Why a process ended (Mesh's `Process.ExitReason`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ExitReason {
    /// The process's function returned.
    Normal,
    /// Asked to stop (a supervisor's shutdown).
    Shutdown,
    /// Killed by an untrappable signal.
    Killed,
    /// The process did not exist (linking or monitoring a dead pid).
    Noproc,
    /// A run-time error, with its message.
    Error(Arc<str>),
}

impl ExitReason {
    /// The reason as text: `normal`, `shutdown`, `killed`, `noproc`, or an error's message.
    pub fn text(&self) -> String {
        match self {
            ExitReason::Normal => "normal".into(),
            ExitReason::Shutdown => "shutdown".into(),
            ExitReason::Killed => "killed".into(),
            ExitReason::Noproc => "noproc".into(),
            ExitReason::Error(m) => m.to_string(),
        }
    }
}

/// Who is told when a monitored process ends.
pub enum Watcher {
    /// A Mesh monitor: the runtime sends `Down(ref, pid, reason)` to this process.
    Process(Arc<ProcessRef>),
    /// A runtime-internal observer, called once with the exit reason.
    Notify(Box<dyn FnOnce(&ExitReason) + Send>),
}

/// The rarely used relations of a process, allocated on first use.
#[derive(Default)]
pub struct Ties {
    /// Processes linked to this one.
    pub links: Vec<Arc<ProcessRef>>,
    /// Monitors watching this process: `(reference, watcher)`.
    pub monitors: Vec<(u64, Watcher)>,
    /// Names registered for this process.
    pub names: Vec<Arc<str>>,
    /// Runtime data attached to the process (e.g. a job's result slot).
    pub attachment: Option<Arc<dyn Any + Send + Sync>>,
}

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

    /// A reference to no running process (already dead, with reason `Noproc`).
    pub fn dead(id: u64) -> ProcessRef {
        let p = ProcessRef::new(id);
        {
            let mut st = p.mailbox.lock();
            st.flags |= DEAD;
            st.exit = Some(ExitReason::Noproc);
        }
        p
    }
}

/// The owner is dead; `exit` holds its final reason.
const DEAD: u8 = 1;
/// Exit signals from links arrive as messages.
const TRAP: u8 = 2;
/// The owner waits for messages (a push must wake it).
const WANTS_MESSAGES: u8 = 4;
/// The owner waits in `receive` with no timeout and nothing else can wake it but a push
/// or an exit signal.
const PARKED: u8 = 8;

#[derive(Default)]
struct State {
    queue: VecDeque<Value>,
    /// The owner's task, while it waits (for messages or only for exit signals).
    waker: Option<Waker>,
    /// While alive: an exit request the owner has not acted on yet; once dead: the reason.
    exit: Option<ExitReason>,
    flags: u8,
    ties: Option<Box<Ties>>,
}

impl State {
    fn has(&self, flag: u8) -> bool {
        self.flags & flag != 0
    }

    fn ties(&mut self) -> &mut Ties {
        self.ties.get_or_insert_with(Box::default)
    }

    /// Wakes the owner and clears its parked state (calling `on_unpark` if it was parked).
    fn wake(&mut self, on_unpark: impl FnOnce()) {
        if self.has(PARKED) {
            self.flags &= !PARKED;
            on_unpark();
        }
        if let Some(w) = self.waker.take() {
            w.wake();
        }
    }

    fn set_waker(&mut self, waker: &Waker) {
        match &self.waker {
            Some(w) if w.will_wake(waker) => {}
            _ => self.waker = Some(waker.clone()),
        }
    }
}

/// What a push did.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Delivery {
    /// The process is dead: the message was dropped.
    Dropped,
    /// Queued.
    Queued,
}

/// What an exit signal did to its target.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SignalEffect {
    /// The target is dead, or ignores the signal (a `Normal` exit while not trapping).
    Ignored,
    /// The target traps exits: the signal was queued as a message.
    Queued,
    /// The target will end with the signal's reason.
    Ending,
}

/// What the owner found when it polled for messages ([`Mailbox::poll_receive`]).
#[derive(Debug, PartialEq, Eq)]
pub enum ReceivePoll {
    /// Messages are queued.
    Message,
    /// The process must end with this reason.
    Exit(ExitReason),
    /// Nothing yet; the waker is registered. `parked_now` is true when this poll parked
    /// the process (a wait with no timeout): the scheduler stops counting it as active.
    Pending { parked_now: bool },
}

/// Messages sent to a process and not yet taken by its `receive`, and the process's
/// signal state (see the module docs).
#[derive(Default)]
pub struct Mailbox {
    state: Mutex<State>,
}

impl Mailbox {
    fn lock(&self) -> MutexGuard<'_, State> {
        lock(&self.state)
    }

    /// Appends a message and wakes the owner if it is waiting. Messages to a process that
    /// has exited are dropped (as in Erlang).
    pub fn push(&self, msg: Value) -> Delivery {
        self.push_with(msg, || {})
    }

    /// [`Mailbox::push`], calling `on_unpark` (under the lock) if the owner was parked.
    pub fn push_with(&self, msg: Value, on_unpark: impl FnOnce()) -> Delivery {
        let mut st = self.lock();
        if st.has(DEAD) {
            drop(st);
            drop(msg);
            return Delivery::Dropped;
        }
        st.queue.push_back(msg);
        if st.has(WANTS_MESSAGES) {
            st.flags &= !WANTS_MESSAGES;
            st.wake(on_unpark);
        }
        Delivery::Queued
    }

    /// Moves every queued message into `into` (the receiver's private save queue).
    pub fn drain_into(&self, into: &mut VecDeque<Value>) -> usize {
        let mut st = self.lock();
        let n = st.queue.len();
        if into.is_empty() {
            // Swapping keeps both buffers' capacity and copies nothing.
            std::mem::swap(&mut st.queue, into);
        } else {
            into.extend(st.queue.drain(..));
        }
        n
    }

    /// True if messages are waiting.
    pub fn has_messages(&self) -> bool {
        !self.lock().queue.is_empty()
    }

    /// Registers the waker to call on the next `push`. Returns true if messages arrived
    /// meanwhile (the caller should not sleep).
    pub fn register_waker(&self, waker: &Waker) -> bool {
        let mut st = self.lock();
        st.set_waker(waker);
        st.flags |= WANTS_MESSAGES;
        !st.queue.is_empty()
    }

    /// For the owner waiting in `receive`: takes a pending exit request or reports queued
    /// messages, or
    /// registers `waker` for the next push or signal. With `forever` (no timeout) the
    /// process is marked parked until a push or a signal unparks it.
    pub fn poll_receive(&self, waker: &Waker, forever: bool) -> ReceivePoll {
        let mut st = self.lock();
        if let Some(r) = st.exit.take() {
            st.flags &= !(WANTS_MESSAGES | PARKED);
            st.waker = None;
            return ReceivePoll::Exit(r);
        }
        if !st.queue.is_empty() {
            st.flags &= !(WANTS_MESSAGES | PARKED);
            st.waker = None;
            return ReceivePoll::Message;
        }
        st.set_waker(waker);
        st.flags |= WANTS_MESSAGES;
        let parked_now = forever && !st.has(PARKED);
        if parked_now {
            st.flags |= PARKED;
        }
        ReceivePoll::Pending { parked_now }
    }

    /// For the owner waiting for something else (a native, a timer): takes the pending
    /// exit request if there is one; otherwise registers `waker` for exit signals only.
    pub fn poll_signal(&self, waker: &Waker) -> Option<ExitReason> {
        let mut st = self.lock();
        if let Some(r) = st.exit.take() {
            st.waker = None;
            return Some(r);
        }
        st.set_waker(waker);
        None
    }

    /// The owner stops waiting (its wait ended for another reason): forgets the waker.
    pub fn stop_waiting(&self) {
        let mut st = self.lock();
        st.flags &= !(WANTS_MESSAGES | PARKED);
        st.waker = None;
    }

    /// Takes the pending exit request, if any (checked by the owner between time slices;
    /// taken, so that an `on_exit` handler runs until a new signal arrives).
    pub fn take_exit_request(&self) -> Option<ExitReason> {
        let mut st = self.lock();
        if st.has(DEAD) {
            None
        } else {
            st.exit.take()
        }
    }

    /// Delivers an exit signal with `reason` under Erlang's rules, atomically with the
    /// target's `trap_exit` flag: an `untrappable` signal (a kill) always ends the target;
    /// a trapping target gets `message()` queued; otherwise `Normal` is ignored (unless
    /// `end_on_normal`, for a process signalling itself) and any other reason ends it.
    pub fn signal_exit(
        &self,
        reason: &ExitReason,
        untrappable: bool,
        end_on_normal: bool,
        message: impl FnOnce() -> Option<Value>,
        on_unpark: impl FnOnce(),
    ) -> SignalEffect {
        let mut st = self.lock();
        if st.has(DEAD) {
            return SignalEffect::Ignored;
        }
        if !untrappable && st.has(TRAP) {
            let Some(msg) = message() else {
                return SignalEffect::Ignored;
            };
            st.queue.push_back(msg);
            if st.has(WANTS_MESSAGES) {
                st.flags &= !WANTS_MESSAGES;
                st.wake(on_unpark);
            }
            return SignalEffect::Queued;
        }
        if *reason == ExitReason::Normal && !end_on_normal && !untrappable {
            return SignalEffect::Ignored;
        }
        let reason = if untrappable {
            ExitReason::Killed
        } else {
            reason.clone()
        };
        if st.exit.is_none() || reason == ExitReason::Killed {
            st.exit = Some(reason);
        }
        st.wake(on_unpark);
        SignalEffect::Ending
    }

    /// Turns exit trapping on or off.
    pub fn set_trap_exit(&self, on: bool) {
        let mut st = self.lock();
        if on {
            st.flags |= TRAP;
        } else {
            st.flags &= !TRAP;
        }
    }

    /// True if the owner traps exits.
    pub fn traps_exit(&self) -> bool {
        self.lock().has(TRAP)
    }

    /// Marks the process dead with `reason`, drops its queued messages and returns its
    /// ties for the runtime to notify. Later pushes are dropped; later links, monitors and
    /// registrations fail. Returns `None` if it was already dead.
    pub fn finish(&self, reason: ExitReason) -> Option<Box<Ties>> {
        let (queue, ties) = {
            let mut st = self.lock();
            if st.has(DEAD) {
                return None;
            }
            st.flags = (st.flags | DEAD) & !(WANTS_MESSAGES | PARKED);
            st.exit = Some(reason);
            st.waker = None;
            let ties = st.ties.take();
            // The attachment outlives the process (a job's result is read after its end).
            if let Some(a) = ties.as_ref().and_then(|t| t.attachment.clone()) {
                st.ties = Some(Box::new(Ties {
                    attachment: Some(a),
                    ..Ties::default()
                }));
            }
            (std::mem::take(&mut st.queue), ties)
        };
        // Dropped outside the lock: messages may own anything (reply handles, pids).
        drop(queue);
        Some(ties.unwrap_or_default())
    }

    /// Marks the mailbox closed (the process exited normally) and drops pending messages.
    pub fn close(&self) {
        let _ = self.finish(ExitReason::Normal);
    }

    /// True once the owning process has exited.
    pub fn is_closed(&self) -> bool {
        self.lock().has(DEAD)
    }

    /// Why the process ended, once it has.
    pub fn exit_reason(&self) -> Option<ExitReason> {
        let st = self.lock();
        if st.has(DEAD) {
            st.exit.clone()
        } else {
            None
        }
    }

    /// Runs `f` on the ties of a live process (creating them); `None` if it is dead.
    pub fn with_ties<R>(&self, f: impl FnOnce(&mut Ties) -> R) -> Option<R> {
        let mut st = self.lock();
        if st.has(DEAD) {
            return None;
        }
        Some(f(st.ties()))
    }

    /// Runs `f` on the ties of the process if it has any, dead or alive.
    pub fn with_existing_ties<R>(&self, f: impl FnOnce(&mut Ties) -> R) -> Option<R> {
        let mut st = self.lock();
        st.ties.as_deref_mut().map(f)
    }

    /// The attachment of the process, if any (kept after death).
    pub fn attachment(&self) -> Option<Arc<dyn Any + Send + Sync>> {
        self.lock().ties.as_ref().and_then(|t| t.attachment.clone())
    }
}

/// Locks a mutex, ignoring poisoning (a panicking holder cannot leave a queue half-updated).
fn lock<T>(m: &Mutex<T>) -> MutexGuard<'_, T> {
    m.lock().unwrap_or_else(|e| e.into_inner())
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::atomic::{AtomicUsize, Ordering};
    use std::task::Wake;

    struct Count(AtomicUsize);
    impl Wake for Count {
        fn wake(self: Arc<Self>) {
            self.0.fetch_add(1, Ordering::SeqCst);
        }
    }

    fn waker() -> (Waker, Arc<Count>) {
        let c = Arc::new(Count(AtomicUsize::new(0)));
        (Waker::from(c.clone()), c)
    }

    #[test]
    fn a_parked_owner_is_unparked_once_by_a_push() {
        let p = ProcessRef::new(1);
        let (w, woken) = waker();
        assert_eq!(
            p.mailbox.poll_receive(&w, true),
            ReceivePoll::Pending { parked_now: true }
        );
        // Polling again while parked does not park twice.
        assert_eq!(
            p.mailbox.poll_receive(&w, true),
            ReceivePoll::Pending { parked_now: false }
        );
        let unparked = AtomicUsize::new(0);
        p.mailbox.push_with(Value::Int(1), || {
            unparked.fetch_add(1, Ordering::SeqCst);
        });
        p.mailbox.push_with(Value::Int(2), || {
            unparked.fetch_add(1, Ordering::SeqCst);
        });
        assert_eq!(unparked.load(Ordering::SeqCst), 1);
        assert_eq!(woken.0.load(Ordering::SeqCst), 1);
        assert_eq!(p.mailbox.poll_receive(&w, true), ReceivePoll::Message);
    }

    #[test]
    fn trapping_turns_signals_into_messages_except_kills() {
        let p = ProcessRef::new(1);
        p.mailbox.set_trap_exit(true);
        let e = p.mailbox.signal_exit(
            &ExitReason::Shutdown,
            false,
            false,
            || Some(Value::Int(9)),
            || {},
        );
        assert_eq!(e, SignalEffect::Queued);
        assert!(p.mailbox.has_messages());
        assert_eq!(p.mailbox.take_exit_request(), None);
        let e = p
            .mailbox
            .signal_exit(&ExitReason::Killed, true, false, || None, || {});
        assert_eq!(e, SignalEffect::Ending);
        assert_eq!(p.mailbox.take_exit_request(), Some(ExitReason::Killed));
    }

    #[test]
    fn normal_exits_are_ignored_unless_trapped() {
        let p = ProcessRef::new(1);
        let e = p
            .mailbox
            .signal_exit(&ExitReason::Normal, false, false, || None, || {});
        assert_eq!(e, SignalEffect::Ignored);
        let e = p.mailbox.signal_exit(
            &ExitReason::Error("boom".into()),
            false,
            false,
            || None,
            || {},
        );
        assert_eq!(e, SignalEffect::Ending);
        assert_eq!(
            p.mailbox.take_exit_request(),
            Some(ExitReason::Error("boom".into()))
        );
    }

    #[test]
    fn dead_processes_drop_messages_and_refuse_ties() {
        let p = ProcessRef::new(1);
        p.mailbox.push(Value::Int(1));
        assert!(p.mailbox.with_ties(|t| t.names.push("x".into())).is_some());
        let ties = p.mailbox.finish(ExitReason::Shutdown);
        assert_eq!(ties.map(|t| t.names.len()), Some(1));
        assert!(!p.mailbox.has_messages());
        assert_eq!(p.mailbox.push(Value::Int(2)), Delivery::Dropped);
        assert!(p.mailbox.with_ties(|_| ()).is_none());
        assert_eq!(p.mailbox.exit_reason(), Some(ExitReason::Shutdown));
        assert!(p.mailbox.finish(ExitReason::Normal).is_none());
        assert_eq!(
            ProcessRef::dead(0).mailbox.exit_reason(),
            Some(ExitReason::Noproc)
        );
    }

    #[test]
    fn parked_process_ref_is_small() {
        // The shared half of a process; see the module docs.
        assert!(std::mem::size_of::<ProcessRef>() <= 104);
    }
}
