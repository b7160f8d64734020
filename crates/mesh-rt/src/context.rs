//! What a running program shares between its processes ([`Shared`]: the program, its
//! output, the scheduler's bookkeeping) and the per-process context handed to natives
//! ([`ProcessCtx`]: the process's pid, `on_exit` handler and monitors), which implements
//! the interpreter's [`Host`] trait.

use crate::natives::web::WebState;
use crate::output::Output;
use crate::registry::{self, NativeFn};
use crate::scheduler::Scheduler;
use crate::signals::SignalTypes;
use mesh_vm::bytecode::TypeInfo;
use mesh_vm::{Fiber, Host, NativeResult, ProcessRef, Program, Value};
use std::collections::HashMap;
use std::sync::Arc;
use tokio::io::BufReader;
use tokio::sync::Mutex as AsyncMutex;

/// The program's standard input, shared by all processes (so that buffered bytes read
/// ahead by one `IO.read_line` are seen by the next).
pub type Stdin = Arc<AsyncMutex<Option<BufReader<tokio::io::Stdin>>>>;

/// Everything the processes of one program run share.
pub struct Shared {
    program: Arc<Program>,
    /// `program.natives` resolved to functions, index for index.
    natives: Vec<NativeFn>,
    args: Vec<String>,
    out: Output,
    stdin: Stdin,
    sched: Scheduler,
    signal_types: SignalTypes,
    web: WebState,
    /// Type ids of the database layer's std types, found on first use.
    pub(crate) db_types: std::sync::OnceLock<crate::natives::db::DbTypes>,
}

impl Shared {
    /// Prepares a program to run: resolves every native it calls. An unknown native name is
    /// an error naming it.
    pub fn new(program: Program, args: Vec<String>, out: Output) -> Result<Arc<Shared>, String> {
        let mut natives = Vec::with_capacity(program.natives.len());
        for name in &program.natives {
            match registry::native(name) {
                Some(f) => natives.push(f),
                None => {
                    return Err(format!(
                        "the program calls the native function `{name}`, which this runtime does \
                         not provide (was it built by a different version of meshc?)"
                    ))
                }
            }
        }
        let signal_types = SignalTypes::find(&program.types);
        Ok(Arc::new(Shared {
            program: Arc::new(program),
            natives,
            args,
            out,
            stdin: Arc::new(AsyncMutex::new(None)),
            sched: Scheduler::default(),
            signal_types,
            web: WebState::default(),
            db_types: std::sync::OnceLock::new(),
        }))
    }

    /// The program being run.
    pub fn program(&self) -> &Arc<Program> {
        &self.program
    }

    /// The program's output streams.
    pub fn out(&self) -> &Output {
        &self.out
    }

    /// Processes, names and the program's lifetime.
    pub fn sched(&self) -> &Scheduler {
        &self.sched
    }

    /// Type ids of the std signal types in this program.
    pub fn signal_types(&self) -> &SignalTypes {
        &self.signal_types
    }

    /// The web layer's state: WebSocket connections and rooms, the HTTP client, shutdown.
    pub fn web(&self) -> &WebState {
        &self.web
    }
}

/// The context of one process: what its natives can reach.
pub struct ProcessCtx {
    shared: Arc<Shared>,
    me: Arc<ProcessRef>,
    /// Rarely used per-process state, allocated on first use.
    local: Option<Box<Local>>,
}

/// Per-process state that only the process itself touches.
#[derive(Default)]
struct Local {
    /// `Process.on_exit`'s handler.
    on_exit: Option<Value>,
    /// Monitors this process started: reference → target (for `Process.demonitor`).
    monitors: HashMap<u64, Arc<ProcessRef>>,
    /// Size of `monitors` above which entries of dead targets are pruned.
    prune_at: usize,
}

impl ProcessCtx {
    /// A context for a process that is not scheduled (tests, tools): it has a pid of its
    /// own but no task.
    pub fn new(shared: Arc<Shared>) -> ProcessCtx {
        let me = Arc::new(ProcessRef::new(shared.sched().next_pid()));
        ProcessCtx::for_process(shared, me)
    }

    /// The context of process `me`.
    pub fn for_process(shared: Arc<Shared>, me: Arc<ProcessRef>) -> ProcessCtx {
        ProcessCtx {
            shared,
            me,
            local: None,
        }
    }

    /// The calling process.
    pub fn me(&self) -> &Arc<ProcessRef> {
        &self.me
    }

    fn local(&mut self) -> &mut Local {
        self.local.get_or_insert_with(Box::default)
    }

    /// Sets the handler to run when the process ends (replacing any earlier one).
    pub fn set_on_exit(&mut self, handler: Value) {
        self.local().on_exit = Some(handler);
    }

    /// Takes the `on_exit` handler.
    pub fn take_on_exit(&mut self) -> Option<Value> {
        self.local.as_mut().and_then(|l| l.on_exit.take())
    }

    /// Remembers monitor `mref` of `target`.
    pub fn add_monitor(&mut self, mref: u64, target: Arc<ProcessRef>) {
        let l = self.local();
        if l.monitors.len() >= l.prune_at.max(64) {
            // Monitors of dead processes fired already; forget them now and then so a
            // long-lived watcher does not accumulate them.
            l.monitors.retain(|_, t| !t.mailbox.is_closed());
            l.prune_at = 2 * l.monitors.len();
        }
        l.monitors.insert(mref, target);
    }

    /// Forgets monitor `mref`; its target if it was known.
    pub fn remove_monitor(&mut self, mref: u64) -> Option<Arc<ProcessRef>> {
        self.local.as_mut().and_then(|l| l.monitors.remove(&mref))
    }

    /// What all processes share.
    pub fn shared(&self) -> &Arc<Shared> {
        &self.shared
    }

    /// The program being run.
    pub fn program(&self) -> &Program {
        &self.shared.program
    }

    /// The program's run-time type table.
    pub fn types(&self) -> &[TypeInfo] {
        &self.shared.program.types
    }

    /// The program's output streams.
    pub fn out(&self) -> &Output {
        &self.shared.out
    }

    /// The program's command-line arguments (after the program name).
    pub fn args(&self) -> &[String] {
        &self.shared.args
    }

    /// The shared standard-input reader.
    pub fn stdin(&self) -> Stdin {
        self.shared.stdin.clone()
    }

    /// Calls native `index` of the program's native table.
    pub fn call(&mut self, index: u16, args: &mut [Value]) -> NativeResult {
        match self.shared.natives.get(index as usize) {
            Some(&f) => f(self, args),
            None => NativeResult::Error(format!("call of unknown native #{index}")),
        }
    }
}

impl Host for ProcessCtx {
    fn call_native(&mut self, _fiber: &mut Fiber, index: u16, args: &mut [Value]) -> NativeResult {
        self.call(index, args)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::natives::testing;

    #[test]
    fn unknown_natives_are_reported_by_name() {
        let mut p = testing::program();
        p.natives = vec!["String.length".into(), "String.frobnicate".into()];
        let err = Shared::new(p, vec![], Output::memory().0)
            .err()
            .unwrap_or_default();
        assert!(err.contains("`String.frobnicate`"), "{err}");
    }

    #[test]
    fn natives_are_called_by_index() {
        let mut p = testing::program();
        p.natives = vec!["String.length".into(), "List.length".into()];
        let shared = Shared::new(p, vec![], Output::memory().0).unwrap_or_else(|e| panic!("{e}"));
        let mut ctx = ProcessCtx::new(shared);
        let mut args = [testing::ints(&[1, 2, 3])];
        match ctx.call(1, &mut args) {
            NativeResult::Value(v) => assert_eq!(v.as_int(), Some(3)),
            _ => panic!("List.length should return a value"),
        }
        assert!(matches!(ctx.call(7, &mut []), NativeResult::Error(_)));
    }
}
