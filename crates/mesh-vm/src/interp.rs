//! The interpreter loop.
//!
//! A [`Fiber`] is the execution state of one process: its register stack, call frames and
//! the save queue used by selective `receive`. [`Fiber::run`] executes instructions until
//! one of:
//!
//! * the entry function returns ([`RunOutcome::Finished`]);
//! * the reduction budget is spent ([`RunOutcome::Yielded`]) — the scheduler lets others run
//!   and calls `run` again;
//! * a native returned a future ([`RunOutcome::Suspended`]) — the runtime awaits it and
//!   passes the result to [`Fiber::resume_native`] before calling `run` again;
//! * a `receive` found no matching message ([`RunOutcome::WaitMessage`]) — the runtime
//!   waits for a push on the mailbox or the deadline, calls [`Fiber::resume_timeout`] if the
//!   deadline passed, then `run` again;
//! * a run-time error ([`RunOutcome::Failed`]) with a Mesh stack trace.
//!
//! The interpreter never blocks and never panics on bad input: every failure of the program
//! is a [`RuntimeError`].

use crate::process::ProcessRef;
use crate::program::Program;
use crate::value::Value;
use std::future::Future;
use std::pin::Pin;
use std::sync::Arc;
use std::time::Instant;

/// A native's pending result.
pub type NativeFuture = Pin<Box<dyn Future<Output = Result<Value, String>> + Send + 'static>>;

/// What a native returns.
pub enum NativeResult {
    /// The call finished with this value.
    Value(Value),
    /// The call failed; the process exits with this message.
    Error(String),
    /// The call has to wait: the runtime awaits the future and resumes the fiber with its
    /// output.
    Suspend(NativeFuture),
}

/// The world as the interpreter sees it: the runtime implements this per process.
pub trait Host {
    /// Runs native `index` (an index into [`Program::natives`]) on the argument window.
    /// The arguments may be moved out of `args`.
    fn call_native(&mut self, fiber: &mut Fiber, index: u16, args: &mut [Value]) -> NativeResult;
}

/// One line of a Mesh stack trace.
#[derive(Clone, Debug, PartialEq)]
pub struct TraceFrame {
    pub function: String,
    pub file: String,
    pub line: u32,
}

/// A run-time failure of the program.
#[derive(Clone, Debug, PartialEq)]
pub struct RuntimeError {
    pub message: String,
    /// Innermost frame first.
    pub trace: Vec<TraceFrame>,
}

impl std::fmt::Display for RuntimeError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        writeln!(f, "error: {}", self.message)?;
        for fr in &self.trace {
            writeln!(f, "    at {} ({}:{})", fr.function, fr.file, fr.line)?;
        }
        Ok(())
    }
}

/// Why [`Fiber::run`] returned.
pub enum RunOutcome {
    Finished(Value),
    Yielded,
    Suspended(NativeFuture),
    WaitMessage { deadline: Option<Instant> },
    Failed(RuntimeError),
}

/// One activation record.
#[derive(Clone, Debug)]
pub(crate) struct Frame {
    pub func: u32,
    /// Index of the next instruction.
    pub pc: usize,
    /// Absolute index of register 0 of this frame in the register stack.
    pub base: usize,
    /// The running closure (for `LoadCapture`), if any.
    pub closure: Option<Arc<crate::value::Closure>>,
}

/// The execution state of one process.
pub struct Fiber {
    pub(crate) regs: Vec<Value>,
    pub(crate) frames: Vec<Frame>,
    /// Messages taken from the mailbox but not yet accepted by a `receive`.
    pub(crate) save_queue: std::collections::VecDeque<Value>,
    /// Scan position of the current `receive` in `save_queue`.
    pub(crate) cursor: usize,
    /// Deadline of the current `receive`, if it has an `after`.
    pub(crate) deadline: Option<Instant>,
    /// Set by `resume_timeout`: the next `RecvPeek` takes its timeout branch.
    pub(crate) timed_out: bool,
    /// Where the result of a suspended native goes (absolute register index).
    pub(crate) pending_dst: Option<usize>,
    /// This process's identity and mailbox (absent for fibers run outside a scheduler).
    pub process: Option<Arc<ProcessRef>>,
}

impl Fiber {
    /// A fiber that will run `func(args…)` of `program`.
    pub fn new(program: &Program, func: u32, args: Vec<Value>) -> Fiber {
        let f = &program.functions[func as usize];
        let mut regs = Vec::with_capacity(f.nregs as usize + 8);
        regs.extend(args);
        regs.resize(f.nregs as usize, Value::Unit);
        Fiber {
            regs,
            frames: vec![Frame {
                func,
                pc: 0,
                base: 0,
                closure: None,
            }],
            save_queue: Default::default(),
            cursor: 0,
            deadline: None,
            timed_out: false,
            pending_dst: None,
            process: None,
        }
    }

    /// A fiber that will call the function value `callee` (a `Fn` or `Closure`) with `args`.
    pub fn for_value(program: &Program, callee: &Value, args: Vec<Value>) -> Result<Fiber, String> {
        match callee {
            Value::Fn(f) => Ok(Fiber::new(program, *f, args)),
            Value::Closure(c) => {
                let mut fiber = Fiber::new(program, c.func, args);
                fiber.frames[0].closure = Some(c.clone());
                Ok(fiber)
            }
            other => Err(format!("cannot call a value of kind {}", other.kind_name())),
        }
    }

    /// Delivers the output of the future returned with [`RunOutcome::Suspended`].
    pub fn resume_native(&mut self, value: Value) {
        if let Some(dst) = self.pending_dst.take() {
            if let Some(slot) = self.regs.get_mut(dst) {
                *slot = value;
            }
        }
    }

    /// Tells a fiber waiting in `receive` that its deadline passed.
    pub fn resume_timeout(&mut self) {
        self.timed_out = true;
    }

    /// Number of frames on the call stack (for tests and diagnostics).
    pub fn depth(&self) -> usize {
        self.frames.len()
    }
}
