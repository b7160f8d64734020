//! The scheduler: every Mesh process is a tokio task that owns its [`Fiber`] and its
//! [`ProcessCtx`] and drives the fiber through every [`RunOutcome`]; this module also
//! decides when the program is over.
//!
//! # A process's task
//!
//! [`spawn`] allocates the process's [`ProcessRef`] (its pid) and starts a task running
//! [`process_task`]:
//!
//! * `Yielded` (the reduction budget is spent): the task checks for an exit request and
//!   calls `tokio::task::yield_now`, so a busy loop cannot starve other processes;
//! * `Suspended(future)`: awaits the native's future, and at the same time listens for exit
//!   signals (a kill ends a process sleeping or blocked in I/O at once: the future is
//!   dropped);
//! * `WaitMessage { deadline }`: waits for a push on the mailbox, an exit signal, or the
//!   deadline (a tokio timer, allocated only for a `receive … after`);
//! * `Finished` / `Failed`: the process ends with `Normal` / `Error(message)`; a failure is
//!   reported on standard error with the Mesh stack trace.
//!
//! Then the process's `on_exit` handler (an actor's `terminate` block) runs in the same
//! task, and [`crate::signals::finish`] marks it dead and notifies links, monitors and the
//! name registry.
//!
//! Panics cannot escape: [`Fiber::run`] and every poll of a native's future run under
//! `catch_unwind`, and the task as a whole is wrapped too; a panic becomes the process's
//! run-time error `internal error: …`.
//!
//! # Program lifetime
//!
//! The scheduler counts *active* things: live processes that are not parked, plus pending
//! timers ([`Scheduler::enter`]). A process *parks* when it waits in `receive` with no
//! timeout and no message; whoever unparks it (a push, an exit signal) counts it again
//! under the target's mailbox lock, before it can park a second time. Since only an active
//! thing can unpark a process, spawn one or start a timer, the count reaching zero means
//! nothing can ever happen again: the program ends with exit code 0. It also ends when
//! `main` fails (code 1) or a process calls `Process.exit(code)`. See [`Scheduler`].

use crate::context::{ProcessCtx, Shared};
use crate::signals;
use mesh_vm::process::{ExitReason, ReceivePoll};
use mesh_vm::{Fiber, NativeFuture, ProcessRef, RunOutcome, RuntimeError, Value};
use std::any::Any;
use std::collections::HashMap;
use std::future::Future;
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::pin::Pin;
use std::sync::atomic::{AtomicBool, AtomicU64, AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::task::{Context, Poll};
use std::time::Instant;

/// Reductions a fiber runs before it yields to the other tasks.
pub const BUDGET: u32 = 4000;

/// Process id of the program's main process.
pub const MAIN_PID: u64 = 1;

/// Program-wide process bookkeeping: pid and reference counters, the active count that
/// detects the end of the program, the outcome, and the name registry.
pub struct Scheduler {
    /// Live processes that are not parked, plus pending timers (see the module docs).
    active: AtomicUsize,
    next_pid: AtomicU64,
    next_ref: AtomicU64,
    /// The exit code once the program is over (first decision wins).
    outcome: Mutex<Option<i32>>,
    /// Set with `outcome`: processes stop at their next check.
    halted: AtomicBool,
    ended: tokio::sync::Notify,
    /// Registered names (`Process.register`).
    pub(crate) names: Mutex<HashMap<Arc<str>, Arc<ProcessRef>>>,
    /// The pid `Process.whereis` returns for an unknown name: never running.
    null_pid: Arc<ProcessRef>,
}

impl Default for Scheduler {
    fn default() -> Scheduler {
        Scheduler {
            active: AtomicUsize::new(0),
            next_pid: AtomicU64::new(MAIN_PID + 1),
            next_ref: AtomicU64::new(1),
            outcome: Mutex::new(None),
            halted: AtomicBool::new(false),
            ended: tokio::sync::Notify::new(),
            names: Mutex::new(HashMap::new()),
            null_pid: Arc::new(ProcessRef::dead(0)),
        }
    }
}

impl Scheduler {
    /// A fresh process id.
    pub fn next_pid(&self) -> u64 {
        self.next_pid.fetch_add(1, Ordering::Relaxed)
    }

    /// A fresh monitor reference.
    pub fn next_ref(&self) -> u64 {
        self.next_ref.fetch_add(1, Ordering::Relaxed)
    }

    /// The pid of no process (what `Process.whereis` returns for an unknown name).
    pub fn null_pid(&self) -> &Arc<ProcessRef> {
        &self.null_pid
    }

    /// Counts one more active thing (a process being spawned, a timer, an unparked
    /// process). Only something already active may call this.
    pub fn enter(&self) {
        self.active.fetch_add(1, Ordering::SeqCst);
    }

    /// Counts one active thing less; the program ends when none is left.
    pub fn leave(&self) {
        if self.active.fetch_sub(1, Ordering::SeqCst) == 1 {
            self.end(0);
        }
    }

    /// Number of active things (for tests and diagnostics).
    pub fn active(&self) -> usize {
        self.active.load(Ordering::SeqCst)
    }

    /// Ends the program with exit `code` (unless it already ended).
    pub fn end(&self, code: i32) {
        let mut o = self.outcome.lock().unwrap_or_else(|e| e.into_inner());
        if o.is_none() {
            *o = Some(code);
            self.halted.store(true, Ordering::SeqCst);
            self.ended.notify_one();
        }
    }

    /// True once the program is over.
    pub fn halted(&self) -> bool {
        self.halted.load(Ordering::Relaxed)
    }

    /// The exit code, once decided.
    pub fn outcome(&self) -> Option<i32> {
        *self.outcome.lock().unwrap_or_else(|e| e.into_inner())
    }

    /// Waits until the program is over; returns its exit code.
    pub async fn wait_end(&self) -> i32 {
        loop {
            let notified = self.ended.notified();
            if let Some(code) = self.outcome() {
                return code;
            }
            notified.await;
        }
    }
}

/// What started a process (for reports).
#[derive(Clone, Copy)]
enum Role {
    /// The program's `main`: its failure ends the program.
    Main,
    /// A spawned process running function `func` first.
    Spawned { func: u32 },
}

/// Starts a process running the function value `callee` with `args`; `attachment` is
/// stored in its ties before it runs (e.g. a job's result slot). Must be called on the
/// tokio runtime.
pub fn spawn(
    shared: &Arc<Shared>,
    callee: &Value,
    args: Vec<Value>,
    attachment: Option<Arc<dyn Any + Send + Sync>>,
) -> Result<Arc<ProcessRef>, String> {
    let handle = tokio::runtime::Handle::try_current()
        .map_err(|_| "cannot start a process outside the runtime".to_string())?;
    let func = match callee {
        Value::Fn(f) => *f,
        Value::Closure(c) => c.func,
        other => {
            return Err(format!(
                "cannot spawn a value of kind {}",
                other.kind_name()
            ))
        }
    };
    let mut fiber = Fiber::for_value(shared.program(), callee, args)?;
    let me = Arc::new(ProcessRef::new(shared.sched().next_pid()));
    if let Some(a) = attachment {
        me.mailbox.with_ties(|t| t.attachment = Some(a));
    }
    fiber.process = Some(me.clone());
    shared.sched().enter();
    handle.spawn(Guarded::new(
        shared.clone(),
        me.clone(),
        process_task(shared.clone(), fiber, Role::Spawned { func }),
    ));
    Ok(me)
}

/// Runs the program's entry function as the main process, then keeps running the other
/// processes until the program is over; returns the exit code. Must run on a tokio
/// runtime (multi-threaded in production; tests may use any).
pub async fn run_main(shared: Arc<Shared>) -> i32 {
    let program = shared.program().clone();
    let mut fiber = Fiber::new(&program, program.entry, Vec::new());
    let me = Arc::new(ProcessRef::new(MAIN_PID));
    fiber.process = Some(me.clone());
    shared.sched().enter();
    tokio::spawn(Guarded::new(
        shared.clone(),
        me,
        process_task(shared.clone(), fiber, Role::Main),
    ));
    let code = shared.sched().wait_end().await;
    shared.out().flush();
    code
}

/// How a fiber's run ended.
enum End {
    Finished(Value),
    Failed(RuntimeError),
    /// An exit signal ended it.
    Signal(ExitReason),
    /// The program is over.
    Halted,
}

/// The whole life of one process: run its function, then its `on_exit` handler, then
/// notify whoever cares.
async fn process_task(shared: Arc<Shared>, mut fiber: Fiber, role: Role) {
    let Some(me) = fiber.process.clone() else {
        return;
    };
    let mut ctx = ProcessCtx::for_process(shared.clone(), me.clone());
    let (reason, value) = match drive(&shared, &mut fiber, &mut ctx, &me).await {
        End::Finished(v) => (ExitReason::Normal, Some(v)),
        End::Failed(e) => {
            report(&shared, &me, role, &e);
            if matches!(role, Role::Main) {
                shared.sched().end(1);
                return;
            }
            (ExitReason::Error(e.message.into()), None)
        }
        End::Signal(r) => (r, None),
        End::Halted => return,
    };
    if let Some(handler) = ctx.take_on_exit() {
        // `on_exit` only accepts functions, so this always succeeds; the process's own
        // state is dropped first (a dead process keeps nothing alive).
        if let Ok(f) = Fiber::for_value(shared.program(), &handler, Vec::new()) {
            fiber = f;
            drop(handler);
            fiber.process = Some(me.clone());
            match drive(&shared, &mut fiber, &mut ctx, &me).await {
                End::Failed(e) => report(&shared, &me, role, &e),
                End::Halted => return,
                End::Finished(_) | End::Signal(_) => {}
            }
        }
    }
    drop(fiber);
    drop(ctx);
    // What the process printed goes out now, not whenever some other process next waits
    // (a server's request processes print and end while nothing else waits).
    shared.out().flush();
    signals::finish(&shared, &me, reason, value);
    shared.sched().leave();
}

/// Writes a failure report on standard error (after flushing standard output).
fn report(shared: &Shared, me: &ProcessRef, role: Role, e: &RuntimeError) {
    let text = e.to_string();
    match role {
        Role::Main => shared.out().write_err(&text),
        Role::Spawned { func } => {
            let name = shared
                .program()
                .functions
                .get(func as usize)
                .map_or("?", |f| f.name.as_str());
            let rest = text.strip_prefix("error: ").unwrap_or(&text);
            shared.out().write_err(&format!(
                "error in process #PID<0.{}.0> ({name}): {rest}",
                me.id
            ));
        }
    }
}

/// The text of a panic's payload.
pub(crate) fn panic_text(p: &(dyn Any + Send)) -> String {
    let what = p
        .downcast_ref::<&str>()
        .map(|s| s.to_string())
        .or_else(|| p.downcast_ref::<String>().cloned())
        .unwrap_or_else(|| "unknown panic".to_string());
    format!("internal error: {what}")
}

/// Runs `fiber` until it finishes, fails, or an exit signal or the end of the program
/// stops it.
async fn drive(shared: &Shared, fiber: &mut Fiber, ctx: &mut ProcessCtx, me: &ProcessRef) -> End {
    let program = shared.program();
    loop {
        let outcome = match catch_unwind(AssertUnwindSafe(|| fiber.run(program, ctx, BUDGET))) {
            Ok(o) => o,
            Err(p) => {
                return End::Failed(RuntimeError {
                    message: panic_text(p.as_ref()),
                    trace: Vec::new(),
                })
            }
        };
        match outcome {
            RunOutcome::Finished(v) => return End::Finished(v),
            RunOutcome::Failed(e) => return End::Failed(e),
            RunOutcome::Yielded => {
                if let Some(r) = me.mailbox.take_exit_request() {
                    return End::Signal(r);
                }
                if shared.sched().halted() {
                    return End::Halted;
                }
                shared.out().flush_if_stale();
                tokio::task::yield_now().await;
            }
            RunOutcome::Suspended(fut) => {
                shared.out().flush();
                match (NativeWait { me, fut }).await {
                    Ok(Ok(v)) => fiber.resume_native(v),
                    Ok(Err(msg)) => return End::Failed(fiber.error(program, msg)),
                    Err(r) => return End::Signal(r),
                }
                if shared.sched().halted() {
                    return End::Halted;
                }
            }
            RunOutcome::WaitMessage { deadline } => {
                shared.out().flush();
                let wait = MessageWait {
                    me,
                    shared,
                    deadline,
                    timer: None,
                };
                match wait.await {
                    Wake::Message => {}
                    Wake::Timeout => fiber.resume_timeout(),
                    Wake::Exit(r) => return End::Signal(r),
                }
                if shared.sched().halted() {
                    return End::Halted;
                }
            }
        }
    }
}

/// Why a wait in `receive` ended.
enum Wake {
    Message,
    Timeout,
    Exit(ExitReason),
}

/// Waits for a message, an exit signal or the deadline. A wait with no deadline parks
/// the process (see the module docs).
struct MessageWait<'a> {
    me: &'a ProcessRef,
    shared: &'a Shared,
    deadline: Option<Instant>,
    /// Allocated only for a `receive … after`, on the first poll.
    timer: Option<Pin<Box<tokio::time::Sleep>>>,
}

impl Future for MessageWait<'_> {
    type Output = Wake;

    fn poll(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Wake> {
        let forever = self.deadline.is_none();
        match self.me.mailbox.poll_receive(cx.waker(), forever) {
            ReceivePoll::Message => return Poll::Ready(Wake::Message),
            ReceivePoll::Exit(r) => return Poll::Ready(Wake::Exit(r)),
            ReceivePoll::Pending { parked_now } => {
                if parked_now {
                    self.shared.sched().leave();
                }
            }
        }
        if let Some(d) = self.deadline {
            let timer = self
                .timer
                .get_or_insert_with(|| Box::pin(tokio::time::sleep_until(d.into())));
            if timer.as_mut().poll(cx).is_ready() {
                self.me.mailbox.stop_waiting();
                return Poll::Ready(Wake::Timeout);
            }
        }
        Poll::Pending
    }
}

/// Awaits a native's future while listening for exit signals; `Err(reason)` when a signal
/// ends the process first (the future is dropped).
struct NativeWait<'a> {
    me: &'a ProcessRef,
    fut: NativeFuture,
}

impl Future for NativeWait<'_> {
    type Output = Result<Result<Value, String>, ExitReason>;

    fn poll(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Self::Output> {
        if let Some(r) = self.me.mailbox.poll_signal(cx.waker()) {
            return Poll::Ready(Err(r));
        }
        let polled = catch_unwind(AssertUnwindSafe(|| self.fut.as_mut().poll(cx)));
        let out = match polled {
            Ok(Poll::Pending) => return Poll::Pending,
            Ok(Poll::Ready(v)) => v,
            Err(p) => Err(panic_text(p.as_ref())),
        };
        self.me.mailbox.stop_waiting();
        Poll::Ready(Ok(out))
    }
}

/// A process's task with a last line of defence: a panic anywhere in it (a bug in the
/// runtime) ends the process with an internal error instead of leaving it half-dead and
/// the program waiting for it forever.
struct Guarded<F> {
    inner: Pin<Box<F>>,
    shared: Arc<Shared>,
    me: Arc<ProcessRef>,
}

impl<F: Future<Output = ()>> Guarded<F> {
    fn new(shared: Arc<Shared>, me: Arc<ProcessRef>, inner: F) -> Guarded<F> {
        Guarded {
            inner: Box::pin(inner),
            shared,
            me,
        }
    }
}

impl<F: Future<Output = ()>> Future for Guarded<F> {
    type Output = ();

    fn poll(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<()> {
        match catch_unwind(AssertUnwindSafe(|| self.inner.as_mut().poll(cx))) {
            Ok(p) => p,
            Err(p) => {
                let msg = panic_text(p.as_ref());
                let me = self.me.clone();
                self.shared
                    .out()
                    .write_err(&format!("error in process #PID<0.{}.0>: {msg}\n", me.id));
                if me.id == MAIN_PID {
                    self.shared.sched().end(1);
                } else if !me.mailbox.is_closed() {
                    signals::finish(&self.shared, &me, ExitReason::Error(msg.into()), None);
                    self.shared.sched().leave();
                }
                Poll::Ready(())
            }
        }
    }
}
