//! The scheduler: every Mesh process is a tokio task that owns its [`Fiber`] and its
//! [`ProcessCtx`] and drives the fiber through every [`RunOutcome`]; this module also
//! decides when the program is over.
//!
//! # A process's task
//!
//! [`spawn`] allocates the process's [`ProcessRef`] (its pid) and starts a task whose
//! future is a [`ProcessTask`]: the fiber, the process's context and what it waits for. Each
//! poll runs the fiber and serves its [`RunOutcome`]:
//!
//! * `Yielded` (the reduction budget is spent): the task checks for an exit request and,
//!   once it has run for a time slice ([`SLICE`]), wakes itself and returns `Pending`,
//!   which puts it at the back of the run queue, so a busy loop cannot starve other
//!   processes;
//! * `Suspended(future)`: polls the native's future, and listens for exit signals at the
//!   same time (a kill ends a process sleeping or blocked in I/O at once: the future is
//!   dropped);
//! * `WaitMessage { deadline }`: waits for a push on the mailbox, an exit signal, or the
//!   deadline (a tokio timer, allocated only for a `receive … after`);
//! * `Finished` / `Failed`: the process ends with `Normal` / `Error(message)`; a failure is
//!   reported on standard error with the Mesh stack trace.
//!
//! Then the process's `on_exit` handler (an actor's `terminate` block) runs in a fresh
//! fiber of the same task, and [`crate::signals::finish`] marks the process dead and
//! notifies links, monitors and the name registry.
//!
//! The task is a hand-written state machine rather than an `async fn`, whose generated
//! state was three times larger: a parked process costs its [`ProcessTask`] (about 220
//! bytes, in a 384-byte tokio task cell), its [`ProcessRef`] (128), its registers and its
//! frame — about 0.75 KiB; `bench/` measures the whole (`proc` group).
//!
//! Panics cannot escape: every poll runs under `catch_unwind`, and a panic (a bug in the
//! runtime or a native) ends the process with the error `internal error: …`.
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

/// How long a busy process keeps its thread before it goes to the back of the run queue.
///
/// Between budgets the process checks for exit signals and flushes its output, but it
/// only gives up the thread once a slice has passed: rescheduling a task makes tokio wake
/// an idle worker each time, which cost a busy loop a third of its speed when it happened
/// every 4000 reductions. A millisecond keeps the others' latency well under that of
/// an OS scheduler's time slice.
const SLICE: std::time::Duration = std::time::Duration::from_millis(1);

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
    let fiber = Fiber::for_value(shared.program(), callee, args)?;
    let me = Arc::new(ProcessRef::new(shared.sched().next_pid()));
    if let Some(a) = attachment {
        me.mailbox.with_ties(|t| t.attachment = Some(a));
    }
    shared.sched().enter();
    drop(handle.spawn(ProcessTask::new(shared.clone(), fiber, me.clone(), func)));
    Ok(me)
}

/// Runs function `func` of the program with `args` in a new process and waits for it to
/// end: its return value, or the text of the reason it failed (a failure is also reported
/// on standard error with its Mesh stack trace). Tools use this to call a program's
/// functions by name (`meshc migrate` runs each migration's `up` this way); the caller
/// must keep the scheduler alive with [`Scheduler::enter`] while it does.
pub async fn call_function(
    shared: &Arc<Shared>,
    func: u32,
    args: Vec<Value>,
) -> Result<Value, String> {
    let slot: Arc<crate::natives::job::JobSlot> = Arc::default();
    spawn(shared, &Value::Fn(func), args, Some(slot.clone()))?;
    slot.wait().await
}

/// Runs the program's entry function as the main process, then keeps running the other
/// processes until the program is over; returns the exit code. Must run on a tokio
/// runtime (multi-threaded in production; tests may use any).
pub async fn run_main(shared: Arc<Shared>) -> i32 {
    let program = shared.program().clone();
    let fiber = Fiber::new(&program, program.entry, Vec::new());
    let me = Arc::new(ProcessRef::new(MAIN_PID));
    shared.sched().enter();
    drop(tokio::spawn(ProcessTask::new(
        shared.clone(),
        fiber,
        me,
        MAIN_FUNC,
    )));
    let code = shared.sched().wait_end().await;
    shared.out().flush();
    code
}

/// `ProcessTask::func` of the main process.
const MAIN_FUNC: u32 = u32::MAX;

/// The text of a panic's payload.
pub(crate) fn panic_text(p: &(dyn Any + Send)) -> String {
    let what = p
        .downcast_ref::<&str>()
        .map(|s| s.to_string())
        .or_else(|| p.downcast_ref::<String>().cloned())
        .unwrap_or_else(|| "unknown panic".to_string());
    format!("internal error: {what}")
}

/// What the task waits for before it runs the fiber again.
enum Wait {
    /// Nothing: run the fiber.
    Nothing,
    /// A native's future (the fiber is `Suspended`).
    Native(NativeFuture),
    /// A message, in `receive`; the timer is allocated on the first poll, and only for a
    /// `receive … after`.
    Message {
        deadline: Option<Instant>,
        timer: Option<Pin<Box<tokio::time::Sleep>>>,
    },
}

/// How a fiber's run ended.
enum End {
    Finished(Value),
    Failed(RuntimeError),
    /// An exit signal ended it.
    Signal(ExitReason),
}

/// Why the process's own function ended, kept while its `on_exit` handler runs.
struct Ending {
    reason: ExitReason,
    value: Option<Value>,
}

/// The whole life of one process, as the future of its tokio task: run the fiber, serve
/// its waits, then run its `on_exit` handler (in a fresh fiber, same process) and notify
/// whoever cares ([`signals::finish`]).
///
/// Written out as a state machine rather than an `async fn` so that a parked process
/// costs only what it must keep: the fiber, the context and the current wait.
struct ProcessTask {
    fiber: Fiber,
    ctx: ProcessCtx,
    /// The process's first function (named in crash reports); [`MAIN_FUNC`] for `main`.
    func: u32,
    wait: Wait,
    /// Set while the `on_exit` handler runs.
    ending: Option<Box<Ending>>,
}

/// What a step of the task leads to.
enum Step {
    /// Keep going (run or wait again).
    Continue,
    /// The task is over.
    Done,
}

impl ProcessTask {
    fn new(shared: Arc<Shared>, mut fiber: Fiber, me: Arc<ProcessRef>, func: u32) -> ProcessTask {
        fiber.process = Some(me.clone());
        ProcessTask {
            fiber,
            ctx: ProcessCtx::for_process(shared, me),
            func,
            wait: Wait::Nothing,
            ending: None,
        }
    }

    fn shared(&self) -> &Arc<Shared> {
        self.ctx.shared()
    }

    fn is_main(&self) -> bool {
        self.func == MAIN_FUNC
    }

    /// Writes a failure report on standard error (after flushing standard output).
    fn report(&self, e: &RuntimeError) {
        let shared = self.shared();
        let text = e.to_string();
        if self.is_main() {
            shared.out().write_err(&text);
            return;
        }
        let name = shared
            .program()
            .functions
            .get(self.func as usize)
            .map_or("?", |f| f.name.as_str());
        let rest = text.strip_prefix("error: ").unwrap_or(&text);
        shared.out().write_err(&format!(
            "error in process #PID<0.{}.0> ({name}): {rest}",
            self.ctx.me().id
        ));
    }

    /// The fiber (body or handler) ended.
    fn end(&mut self, how: End) -> Step {
        let (reason, value) = match how {
            End::Finished(v) => (ExitReason::Normal, Some(v)),
            End::Signal(r) => (r, None),
            End::Failed(e) => {
                self.report(&e);
                if self.is_main() {
                    self.shared().sched().end(1);
                    return Step::Done;
                }
                (ExitReason::Error(e.message.into()), None)
            }
        };
        self.wait = Wait::Nothing;
        let ending = match self.ending.take() {
            // The handler ended: the process ends as its function did.
            Some(e) => *e,
            None => {
                let ending = Ending { reason, value };
                if let Some(handler) = self.ctx.take_on_exit() {
                    // `on_exit` only accepts functions, so this succeeds; the process's own
                    // state is dropped first (a dead process keeps nothing alive).
                    if let Ok(mut f) =
                        Fiber::for_value(self.shared().program(), &handler, Vec::new())
                    {
                        f.process = Some(self.ctx.me().clone());
                        self.fiber = f;
                        self.ending = Some(Box::new(ending));
                        return Step::Continue;
                    }
                }
                ending
            }
        };
        // The fiber's state is dropped with the task, right after this returns. Output is
        // written out whenever a process stops running, so none is left behind when the
        // rest of the program waits (for I/O, say) indefinitely.
        self.shared().out().flush();
        let me = self.ctx.me().clone();
        signals::finish(self.shared(), &me, ending.reason, ending.value);
        self.shared().sched().leave();
        Step::Done
    }

    /// Runs and waits until the task must wait for an outside event (`Pending`) or is over.
    fn step(&mut self, cx: &mut Context<'_>) -> Poll<()> {
        // When this poll's fiber first ran out of budget (see `SLICE`).
        let mut slice_start: Option<Instant> = None;
        loop {
            match self.serve_wait(cx) {
                Poll::Pending => return Poll::Pending,
                Poll::Ready(Some(how)) => match self.end(how) {
                    Step::Continue => continue,
                    Step::Done => return Poll::Ready(()),
                },
                Poll::Ready(None) => {}
            }
            if self.shared().sched().halted() {
                return Poll::Ready(());
            }
            let shared = self.ctx.shared().clone();
            let program = shared.program();
            match self.fiber.run(program, &mut self.ctx, BUDGET) {
                RunOutcome::Finished(v) => match self.end(End::Finished(v)) {
                    Step::Continue => {}
                    Step::Done => return Poll::Ready(()),
                },
                RunOutcome::Failed(e) => match self.end(End::Failed(e)) {
                    Step::Continue => {}
                    Step::Done => return Poll::Ready(()),
                },
                RunOutcome::Yielded => {
                    if let Some(r) = self.ctx.me().mailbox.take_exit_request() {
                        match self.end(End::Signal(r)) {
                            Step::Continue => continue,
                            Step::Done => return Poll::Ready(()),
                        }
                    }
                    shared.out().flush_if_stale();
                    if slice_start.get_or_insert_with(Instant::now).elapsed() < SLICE {
                        continue;
                    }
                    // Rescheduled at the back of the run queue: others run first.
                    cx.waker().wake_by_ref();
                    return Poll::Pending;
                }
                RunOutcome::Suspended(fut) => {
                    shared.out().flush();
                    self.wait = Wait::Native(fut);
                }
                RunOutcome::WaitMessage { deadline } => {
                    shared.out().flush();
                    self.wait = Wait::Message {
                        deadline,
                        timer: None,
                    };
                }
            }
        }
    }

    /// Serves the current wait: `Pending` while it lasts, `Ready(None)` when the fiber can
    /// run again, `Ready(Some(end))` when the wait ended the fiber (a signal, a native's
    /// error).
    fn serve_wait(&mut self, cx: &mut Context<'_>) -> Poll<Option<End>> {
        let me = self.ctx.me().clone();
        match &mut self.wait {
            Wait::Nothing => return Poll::Ready(None),
            Wait::Native(fut) => {
                if let Some(r) = me.mailbox.poll_signal(cx.waker()) {
                    return Poll::Ready(Some(End::Signal(r)));
                }
                let out = match fut.as_mut().poll(cx) {
                    Poll::Pending => return Poll::Pending,
                    Poll::Ready(out) => out,
                };
                me.mailbox.stop_waiting();
                self.wait = Wait::Nothing;
                match out {
                    Ok(v) => self.fiber.resume_native(v),
                    Err(msg) => {
                        let e = self.fiber.error(self.ctx.shared().program(), msg);
                        return Poll::Ready(Some(End::Failed(e)));
                    }
                }
            }
            Wait::Message { deadline, timer } => {
                match me.mailbox.poll_receive(cx.waker(), deadline.is_none()) {
                    ReceivePoll::Message => {}
                    ReceivePoll::Exit(r) => return Poll::Ready(Some(End::Signal(r))),
                    ReceivePoll::Pending { parked_now } => {
                        if parked_now {
                            self.ctx.shared().sched().leave();
                        }
                        let Some(d) = *deadline else {
                            return Poll::Pending;
                        };
                        let timer = timer
                            .get_or_insert_with(|| Box::pin(tokio::time::sleep_until(d.into())));
                        if timer.as_mut().poll(cx).is_pending() {
                            return Poll::Pending;
                        }
                        me.mailbox.stop_waiting();
                        self.fiber.resume_timeout();
                    }
                }
                self.wait = Wait::Nothing;
            }
        }
        Poll::Ready(None)
    }

    /// A panic escaped (a bug in the runtime): the process ends with an internal error
    /// instead of leaving the program waiting for it forever.
    fn crashed(&mut self, msg: String) {
        let shared = self.shared().clone();
        let me = self.ctx.me().clone();
        shared
            .out()
            .write_err(&format!("error in process #PID<0.{}.0>: {msg}\n", me.id));
        if self.is_main() {
            shared.sched().end(1);
        } else if !me.mailbox.is_closed() {
            signals::finish(&shared, &me, ExitReason::Error(msg.into()), None);
            shared.sched().leave();
        }
    }
}

impl Future for ProcessTask {
    type Output = ();

    fn poll(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<()> {
        let this = self.get_mut();
        match catch_unwind(AssertUnwindSafe(|| this.step(cx))) {
            Ok(p) => p,
            Err(panic) => {
                let msg = panic_text(panic.as_ref());
                // The state may be inconsistent: take nothing from it but the pid.
                this.wait = Wait::Nothing;
                this.crashed(msg);
                Poll::Ready(())
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The memory target: a process parked in `receive` costs under 1 KiB. Its task holds
    /// a [`ProcessTask`] (inside tokio's task cell: header, scheduler handle, trailer, in a
    /// 128-byte aligned allocation); the process's [`ProcessRef`] is a second allocation,
    /// its registers and frames two more. `bench/` measures the total.
    #[test]
    fn a_parked_process_is_small() {
        assert!(std::mem::size_of::<ProcessTask>() <= 224);
        assert!(std::mem::size_of::<ProcessRef>() <= 104);
        assert!(std::mem::size_of::<Wait>() <= 32);
    }
}
