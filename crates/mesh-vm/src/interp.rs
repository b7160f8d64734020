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
//! The interpreter never blocks and never panics on a verified program: every failure of
//! the program is a [`RuntimeError`].
//!
//! # Design
//!
//! * **Frames are data.** A call pushes a `Frame` and jumps back to the top of the
//!   dispatch loop; nothing recurses on the Rust stack, so recursion depth is bounded only
//!   by the fiber's limits ([`Fiber::set_stack_limits`]), whose breach is the run-time error
//!   `stack overflow: …`.
//! * **No heap value survives in a dead register.** The register stack only grows (to
//!   the deepest frame so far; it is cut back when the fiber stops after a deep recursion
//!   has unwound). A call releases the caller's registers above the argument window, which
//!   become the callee's fresh registers; a return releases the callee's whole frame before
//!   storing the result; a tail call releases everything above the moved arguments. So no
//!   stale copy of a heap value survives, which matters for two reasons: resources
//!   (handles, pids) are freed as soon as the program lets go of them, and reference counts
//!   stay exact, so the in-place (`Arc::get_mut`/`make_mut`) updates of `Concat`,
//!   `ListPush`, `SetField` and `ListUncons` actually happen in place. Immediates (Int,
//!   Float, Bool, …) own nothing and are left where they are: the compiler never reads a
//!   register it has not written, and a register that keeps its kind lets the next store
//!   of that kind skip the drop check.
//! * **Dispatch.** One `match` over the operation under an instruction pointer, with the
//!   running function's code and register window held in locals that are reloaded only
//!   when the frame changes (call, return, tail call of another function). The operation
//!   is matched in place so that each arm decodes only its own fields, which keeps the
//!   register base and instruction pointer in callee-saved registers. The register vector
//!   is moved out of the fiber for the whole of `run`, which lets natives receive
//!   `&mut Fiber` together with their argument window without copying the arguments.
//! * **Translated code.** What runs is the function's `exec::Op` stream, made at load time
//!   one slot per instruction: an Int comparison followed by a conditional jump on its
//!   result becomes one operation, and a tail call of the running function becomes a jump
//!   to its start that releases only the registers that can hold heap values (none, for a
//!   typical counting loop). Offsets, lines and traces are unchanged by translation.
//! * **Arithmetic stores.** `set_int`/`set_bool`/`set_float` overwrite just the payload when
//!   the destination already holds that kind (the common case in loops); other stores
//!   skip `Value`'s out-of-line drop glue when the old value is an immediate.
//! * **Unchecked register access, soundly.** Instructions read and write registers through
//!   a raw pointer to the frame's register 0 without bounds checks. This is sound because
//!   the interpreter only executes each function's private verified copy
//!   ([`crate::program`]'s `Exec`, which safe code outside this crate cannot build or
//!   change), whose register operands the verifier proved to be below the frame size, and
//!   because the frame is entered only with `regs.len() >= base + nregs`. Cross-function
//!   facts (callee indices, arities, frame sizes) are looked up with checks at each call,
//!   so even a fiber run against a different program stays memory-safe.
//! * **Reductions** are charged *before* the instruction that costs one (calls, tail calls,
//!   native calls, taken backward jumps — conditional ones included, so that no loop escapes
//!   preemption). With the budget spent, `run` returns [`RunOutcome::Yielded`] with the
//!   frame's `pc` on that instruction, which the next `run` simply executes.
//! * **Returns** write the result to the register recorded in the callee's frame (`ret`):
//!   the callee's base for `Call`, the register that held the function for `CallValue`.
//! * **`TailCall` to a static function** leaves the frame without a closure, exactly like
//!   `Call` would — except a tail call of the running function itself, which keeps the
//!   running closure: it restarts the same body, so its captures stay meaningful (and the
//!   hot self-loop path has nothing to check).
//! * After [`RunOutcome::Finished`] or [`RunOutcome::Failed`] the fiber drops its registers,
//!   frames and saved messages at once (a dead process must not keep resources alive);
//!   running it again reports that it has finished.

use crate::bytecode::type_key;
use crate::exec::Op;
use crate::ops;
use crate::process::ProcessRef;
use crate::program::{LoadedFunction, Program};
use crate::value::{BuildHasher, Closure, Data, MapStore, Value};
use std::collections::VecDeque;
use std::future::Future;
use std::pin::Pin;
use std::sync::Arc;
use std::time::{Duration, Instant};

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
    /// The arguments may be moved out of `args`; whatever is left there is dropped after
    /// the call. While a native runs, the fiber's register stack is lent to `args`'s
    /// owner, so the fiber's other state (process, stack trace) is available but its
    /// registers are not.
    fn call_native(&mut self, fiber: &mut Fiber, index: u16, args: &mut [Value]) -> NativeResult;
}

/// One line of a Mesh stack trace.
#[derive(Clone, Debug, PartialEq)]
pub struct TraceFrame {
    /// Qualified function name, or a note such as `… 42 more frames` for an elided part.
    pub function: String,
    /// Source file (empty for an elision note).
    pub file: String,
    /// Source line (0 if unknown).
    pub line: u32,
}

/// A run-time failure of the program.
#[derive(Clone, Debug, PartialEq)]
pub struct RuntimeError {
    /// What went wrong.
    pub message: String,
    /// Innermost frame first.
    pub trace: Vec<TraceFrame>,
}

impl std::fmt::Display for RuntimeError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        writeln!(f, "error: {}", self.message)?;
        for fr in &self.trace {
            if fr.file.is_empty() && fr.line == 0 {
                writeln!(f, "    {}", fr.function)?;
            } else {
                writeln!(f, "    at {} ({}:{})", fr.function, fr.file, fr.line)?;
            }
        }
        Ok(())
    }
}

/// Why [`Fiber::run`] returned.
pub enum RunOutcome {
    /// The entry function returned this value.
    Finished(Value),
    /// The reduction budget is spent; call `run` again to continue.
    Yielded,
    /// A native has to wait: await the future, pass its value to
    /// [`Fiber::resume_native`], then call `run` again.
    Suspended(NativeFuture),
    /// A `receive` has no matching message: wait for a mailbox push or the deadline
    /// (then [`Fiber::resume_timeout`]), then call `run` again.
    WaitMessage {
        /// When the `receive`'s `after` fires (`None`: wait for messages only).
        deadline: Option<Instant>,
    },
    /// The program failed.
    Failed(RuntimeError),
}

/// Default limit on the number of nested (non-tail) calls of one fiber.
pub const DEFAULT_MAX_FRAMES: usize = 10_000_000;
/// Default limit on the register stack of one fiber, in registers (16 bytes each: 1 GiB).
pub const DEFAULT_MAX_REGISTERS: usize = 64 * 1024 * 1024;

/// How many innermost and outermost frames a stack trace keeps when it elides the middle.
const TRACE_INNER: usize = 64;
const TRACE_OUTER: usize = 16;

/// One activation record.
#[derive(Clone, Debug)]
pub(crate) struct Frame {
    pub func: u32,
    /// Index of the next instruction (of the faulting/yielding one while stopped on it).
    pub pc: u32,
    /// Absolute index of register 0 of this frame in the register stack.
    pub base: u32,
    /// Absolute index of the caller's register that receives the result.
    pub ret: u32,
    /// The running closure (for `LoadCapture`), if any.
    pub closure: Option<Arc<Closure>>,
}

/// The execution state of one process.
pub struct Fiber {
    pub(crate) regs: Vec<Value>,
    pub(crate) frames: Vec<Frame>,
    /// Messages taken from the mailbox but not yet accepted by a `receive`.
    pub(crate) save_queue: VecDeque<Value>,
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
    max_frames: usize,
    max_regs: usize,
}

impl Fiber {
    /// A fiber that will run `func(args…)` of `program`.
    pub fn new(program: &Program, func: u32, args: Vec<Value>) -> Fiber {
        // An invalid index is reported by the first `run` instead of panicking here.
        let nregs = program
            .functions
            .get(func as usize)
            .map_or(0, |f| f.exec.nregs as usize);
        let mut regs = Vec::with_capacity(nregs.max(args.len()) + 8);
        regs.extend(args);
        regs.resize(nregs, Value::Unit);
        Fiber {
            regs,
            frames: vec![Frame {
                func,
                pc: 0,
                base: 0,
                ret: 0,
                closure: None,
            }],
            save_queue: VecDeque::new(),
            cursor: 0,
            deadline: None,
            timed_out: false,
            pending_dst: None,
            process: None,
            max_frames: DEFAULT_MAX_FRAMES,
            max_regs: DEFAULT_MAX_REGISTERS,
        }
    }

    /// A fiber that will call the function value `callee` (a `Fn` or `Closure`) with `args`;
    /// an error if `callee` is not a function of this program taking `args.len()` arguments.
    pub fn for_value(program: &Program, callee: &Value, args: Vec<Value>) -> Result<Fiber, String> {
        let (func, closure) = match callee {
            Value::Fn(f) => (*f, None),
            Value::Closure(c) => (c.func, Some(c.clone())),
            other => return Err(format!("cannot call a value of kind {}", other.kind_name())),
        };
        match program.functions.get(func as usize) {
            Some(f) if f.exec.arity as usize == args.len() => {}
            Some(f) => {
                return Err(format!(
                    "`{}` takes {} argument(s) but was given {}",
                    f.name,
                    f.exec.arity,
                    args.len()
                ))
            }
            None => return Err(format!("the program has no function #{func}")),
        }
        let mut fiber = Fiber::new(program, func, args);
        fiber.frames[0].closure = closure;
        Ok(fiber)
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

    /// Sets the limits whose breach is a `stack overflow` error: the number of nested
    /// calls and the size of the register stack (in registers; at most `u32::MAX / 2`).
    pub fn set_stack_limits(&mut self, max_frames: usize, max_registers: usize) {
        self.max_frames = max_frames.max(1);
        self.max_regs = max_registers.min(u32::MAX as usize / 2);
    }

    /// True once the fiber finished or failed (it has no frames left to run).
    pub fn is_done(&self) -> bool {
        self.frames.is_empty()
    }

    /// The Mesh stack trace of the fiber where it stands, innermost frame first; very deep
    /// stacks keep their innermost and outermost frames around an elision note. Natives
    /// and the runtime use it to report failures (e.g. of a suspended native's future).
    pub fn stack_trace(&self, program: &Program) -> Vec<TraceFrame> {
        let n = self.frames.len();
        let entry = |f: &Frame| match program.functions.get(f.func as usize) {
            Some(func) => TraceFrame {
                function: func.name.clone(),
                file: program
                    .files
                    .get(func.file as usize)
                    .cloned()
                    .unwrap_or_else(|| "?".to_string()),
                // `pc` is past the calling/faulting instruction.
                line: func.line_at((f.pc as usize).saturating_sub(1)),
            },
            None => TraceFrame {
                function: format!("<function #{}>", f.func),
                file: "?".to_string(),
                line: 0,
            },
        };
        if n <= TRACE_INNER + TRACE_OUTER + 1 {
            return self.frames.iter().rev().map(entry).collect();
        }
        let mut trace: Vec<TraceFrame> = self.frames[n - TRACE_INNER..]
            .iter()
            .rev()
            .map(entry)
            .collect();
        trace.push(TraceFrame {
            function: format!("… {} more frames", n - TRACE_INNER - TRACE_OUTER),
            file: String::new(),
            line: 0,
        });
        trace.extend(self.frames[..TRACE_OUTER].iter().rev().map(entry));
        trace
    }

    /// A run-time error with `message` and the fiber's current stack trace.
    pub fn error(&self, program: &Program, message: impl Into<String>) -> RuntimeError {
        RuntimeError {
            message: message.into(),
            trace: self.stack_trace(program),
        }
    }

    /// Runs the fiber for at most `budget` reductions (at least one; see the module docs).
    pub fn run<H: Host>(&mut self, program: &Program, host: &mut H, budget: u32) -> RunOutcome {
        let mut regs = std::mem::take(&mut self.regs);
        let outcome = self.execute(&mut regs, program, host, budget);
        self.regs = regs;
        match outcome {
            RunOutcome::Finished(_) | RunOutcome::Failed(_) => self.drop_state(),
            _ => self.trim(program),
        }
        outcome
    }

    /// Drops everything a finished or failed fiber holds.
    fn drop_state(&mut self) {
        self.regs = Vec::new();
        self.frames = Vec::new();
        self.save_queue = VecDeque::new();
        self.cursor = 0;
        self.deadline = None;
        self.timed_out = false;
        self.pending_dst = None;
    }

    /// Gives back the memory of a deep recursion that has unwound, so a long-lived process
    /// does not keep its peak stack forever. Only runs when the process stops anyway.
    fn trim(&mut self, program: &Program) {
        const KEEP: usize = 4096;
        // Registers above the running frame hold no heap values: cut them off once there are
        // many.
        let top = self.frames.last().map_or(0, |f| {
            f.base as usize
                + program
                    .functions
                    .get(f.func as usize)
                    .map_or(0, |func| func.exec.nregs as usize)
        });
        if self.regs.len() > top + KEEP {
            self.regs.truncate(top);
        }
        if self.regs.capacity() > KEEP && self.regs.capacity() > 4 * self.regs.len() {
            self.regs.shrink_to((2 * self.regs.len()).max(KEEP));
        }
        if self.frames.capacity() > KEEP && self.frames.capacity() > 4 * self.frames.len() {
            self.frames.shrink_to((2 * self.frames.len()).max(KEEP));
        }
    }

    #[inline]
    fn set_pc(&mut self, pc: usize) {
        if let Some(f) = self.frames.last_mut() {
            f.pc = pc as u32;
        }
    }

    #[cold]
    #[inline(never)]
    fn fail_with(&mut self, program: &Program, pc: usize, message: String) -> RunOutcome {
        self.set_pc(pc);
        RunOutcome::Failed(self.error(program, message))
    }

    /// The run loop proper; `regs` is the fiber's register stack, moved out for the run.
    fn execute<H: Host>(
        &mut self,
        regs: &mut Vec<Value>,
        program: &Program,
        host: &mut H,
        budget: u32,
    ) -> RunOutcome {
        // A budget of 0 counts as 1: every slice makes progress.
        let mut budget = budget.max(1);
        'frame: loop {
            // (Re)load the running frame.
            let Some(frame) = self.frames.last() else {
                return RunOutcome::Failed(RuntimeError {
                    message: "the process has already finished".to_string(),
                    trace: Vec::new(),
                });
            };
            let fidx = frame.func;
            let base = frame.base as usize;
            let pc = frame.pc as usize;
            let Some(func) = program.functions.get(fidx as usize) else {
                let msg = format!("call of function #{fidx}, which the program does not have");
                return self.fail_with(program, pc, msg);
            };
            let exec = &func.exec;
            // Only code verified by `Program::load` is entered (an unverified `Exec` is
            // empty), and only at a valid position.
            if pc >= exec.code.len() {
                let msg = format!(
                    "function `{}` cannot run here (programs must be loaded with `Program::load`)",
                    func.name
                );
                return self.fail_with(program, pc, msg);
            }
            // The instruction pointer: one register instead of a code base and an index.
            // `pc!()` recovers the index for traces and resumption.
            let code_start: *const Op = exec.code.as_ptr();
            let mut ip: *const Op = code_start.wrapping_add(pc);
            macro_rules! pc {
                () => {
                    (ip as usize - code_start as usize) / std::mem::size_of::<Op>()
                };
            }
            let nregs = exec.nregs as usize;
            let top = base + nregs;
            if regs.len() < top {
                grow(regs, top);
            }
            // Register 0 of the frame. Valid for `nregs` values: `regs.len() >= base + nregs`,
            // and `regs` is not resized or reallocated until the frame changes — every arm
            // that touches `regs` leaves through `continue 'frame`, which derives `r` anew.
            let r: *mut Value = regs.as_mut_ptr().wrapping_add(base);

            // A shared reference to register `$i` of the frame.
            macro_rules! reg {
                ($i:expr) => {
                    // SAFETY: `$i` is a register operand of an instruction of this verified
                    // function (or an index inside one of its verified windows), so
                    // `$i < nregs` and `r.add($i)` is a live value of `regs` (see `r`).
                    // No mutable reference to the same register is alive meanwhile: arms
                    // read operands into locals before they write a result.
                    unsafe { &*r.add($i as usize) }
                };
            }
            // A mutable reference to register `$i` of the frame.
            macro_rules! reg_mut {
                ($i:expr) => {
                    // SAFETY: as for `reg!`; each arm uses a mutable reference only while no
                    // other reference to that register is in use.
                    unsafe { &mut *r.add($i as usize) }
                };
            }
            // The registers `$b..$b+$n` of the frame (a verified window).
            macro_rules! window {
                ($b:expr, $n:expr) => {
                    // SAFETY: the verifier checked the whole window against `nregs`
                    // (`reg_extent`), so it lies inside the frame; no other reference into
                    // it is alive while the slice is used.
                    unsafe { std::slice::from_raw_parts_mut(r.add($b as usize), $n as usize) }
                };
            }
            // Leave the loop with a run-time error raised by the instruction before `pc`.
            macro_rules! fail {
                ($msg:expr) => {{
                    let msg: String = $msg;
                    return self.fail_with(program, pc!(), msg);
                }};
            }
            // Charge one reduction, or yield positioned on the current instruction.
            macro_rules! reduce {
                () => {
                    if budget == 0 {
                        self.set_pc(pc!() - 1);
                        return RunOutcome::Yielded;
                    }
                    budget -= 1;
                };
            }
            macro_rules! int_binop {
                ($dst:expr, $a:expr, $b:expr, $op:literal, $method:ident) => {
                    match (reg!($a), reg!($b)) {
                        (&Value::Int(x), &Value::Int(y)) => match x.$method(y) {
                            Some(z) => set_int(reg_mut!($dst), z),
                            None => fail!(overflow($op)),
                        },
                        (x, y) => fail!(operand_error($op, "Int", x, y)),
                    }
                };
            }
            macro_rules! int_cmp {
                ($dst:expr, $a:expr, $b:expr, $op:tt) => {
                    match (reg!($a), reg!($b)) {
                        (&Value::Int(x), &Value::Int(y)) => set_bool(reg_mut!($dst), x $op y),
                        (x, y) => fail!(operand_error(stringify!($op), "Int", x, y)),
                    }
                };
            }
            macro_rules! int_cmp_imm {
                ($dst:expr, $a:expr, $imm:expr, $op:tt) => {
                    match reg!($a) {
                        &Value::Int(x) => set_bool(reg_mut!($dst), x $op ($imm as i64)),
                        x => fail!(operand_error(stringify!($op), "Int", x, x)),
                    }
                };
            }
            macro_rules! float_binop {
                ($dst:expr, $a:expr, $b:expr, $op:tt) => {
                    match (reg!($a), reg!($b)) {
                        (&Value::Float(x), &Value::Float(y)) => set_float(reg_mut!($dst), x $op y),
                        (x, y) => fail!(operand_error(stringify!($op), "Float", x, y)),
                    }
                };
            }
            macro_rules! float_cmp {
                ($dst:expr, $a:expr, $b:expr, $op:tt) => {
                    match (reg!($a), reg!($b)) {
                        (&Value::Float(x), &Value::Float(y)) => set_bool(reg_mut!($dst), x $op y),
                        (x, y) => fail!(operand_error(stringify!($op), "Float", x, y)),
                    }
                };
            }
            // Moves the argument window `$from..$from+$argc` down to `0..$argc` by swapping:
            // no drop checks, and the values it displaces end up at or above `$argc`, where
            // the caller releases them.
            macro_rules! move_down {
                ($from:expr, $argc:expr) => {
                    for i in 0..$argc {
                        // SAFETY: `i < $argc` and `$from + i` lie inside the verified window
                        // (`$from + $argc <= nregs`) and are distinct registers (`$from > 0`);
                        // no reference into the frame is alive.
                        unsafe { std::ptr::swap_nonoverlapping(r.add(i), r.add($from + i), 1) }
                    }
                };
            }
            // An Int comparison into `$dst` fused with the conditional jump in the next slot.
            macro_rules! cmp_imm_jump {
                ($dst:expr, $a:expr, $imm:expr, $off:expr, $op:tt, $sense:expr) => {
                    match reg!($a) {
                        &Value::Int(x) => {
                            let c = x $op ($imm as i64);
                            set_bool(reg_mut!($dst), c);
                            // Past the paired jump (see `cmp_jump!`).
                            ip = ip.wrapping_add(1);
                            if c == $sense {
                                jump!($off as i32);
                            }
                        }
                        x => fail!(operand_error(stringify!($op), "Int", x, x)),
                    }
                };
            }
            macro_rules! cmp_jump {
                ($dst:expr, $a:expr, $b:expr, $off:expr, $op:tt, $sense:expr) => {
                    match (reg!($a), reg!($b)) {
                        (&Value::Int(x), &Value::Int(y)) => {
                            let c = x $op y;
                            set_bool(reg_mut!($dst), c);
                            // Past the paired jump: a yield in `jump!` resumes at that jump,
                            // which re-reads `$dst`.
                            ip = ip.wrapping_add(1);
                            if c == $sense {
                                jump!($off as i32);
                            }
                        }
                        (x, y) => fail!(operand_error(stringify!($op), "Int", x, y)),
                    }
                };
            }
            macro_rules! jump {
                ($offset:expr) => {{
                    let offset: i32 = $offset;
                    if offset < 0 {
                        reduce!();
                    }
                    ip = ip.wrapping_offset(offset as isize);
                }};
            }

            loop {
                // SAFETY: `ip` points into `code`: the entry `pc` was checked when the frame
                // was entered, and verified code keeps it inside (jump targets lie inside
                // the code, the last instruction never falls through, a self tail call
                // restarts at the start of a non-empty function, and yields/suspensions
                // resume at an instruction). `exec.code` is borrowed from `program` for the
                // whole loop, so it is neither freed nor moved.
                // Matched in place (not copied out), so each arm loads only its own fields
                // instead of all of them being decoded into registers before dispatch.
                let ins: &Op = unsafe { &*ip };
                ip = ip.wrapping_add(1);
                match *ins {
                    // ---- fused operations (see `Op`) ----
                    Op::EqIntJumpIfTrue { dst, a, b, off } => cmp_jump!(dst, a, b, off, ==, true),
                    Op::EqIntJumpIfFalse { dst, a, b, off } => cmp_jump!(dst, a, b, off, ==, false),
                    Op::NeIntJumpIfTrue { dst, a, b, off } => cmp_jump!(dst, a, b, off, !=, true),
                    Op::NeIntJumpIfFalse { dst, a, b, off } => cmp_jump!(dst, a, b, off, !=, false),
                    Op::LtIntJumpIfTrue { dst, a, b, off } => cmp_jump!(dst, a, b, off, <, true),
                    Op::LtIntJumpIfFalse { dst, a, b, off } => cmp_jump!(dst, a, b, off, <, false),
                    Op::LeIntJumpIfTrue { dst, a, b, off } => cmp_jump!(dst, a, b, off, <=, true),
                    Op::LeIntJumpIfFalse { dst, a, b, off } => cmp_jump!(dst, a, b, off, <=, false),
                    Op::SelfLoop => {
                        reduce!();
                        ip = code_start;
                    }
                    Op::AddIntImmLoop { dst, src, imm } => match reg!(src) {
                        &Value::Int(x) => match x.checked_add(imm as i64) {
                            Some(z) => {
                                set_int(reg_mut!(dst), z);
                                // Past the paired `SelfLoop`: a yield resumes on it.
                                ip = ip.wrapping_add(1);
                                reduce!();
                                ip = code_start;
                            }
                            None => fail!(overflow(if imm < 0 { "-" } else { "+" })),
                        },
                        x => fail!(operand_error("+", "Int", x, x)),
                    },
                    Op::AddIntLoop { dst, a, b } => match (reg!(a), reg!(b)) {
                        (&Value::Int(x), &Value::Int(y)) => match x.checked_add(y) {
                            Some(z) => {
                                set_int(reg_mut!(dst), z);
                                ip = ip.wrapping_add(1);
                                reduce!();
                                ip = code_start;
                            }
                            None => fail!(overflow("+")),
                        },
                        (x, y) => fail!(operand_error("+", "Int", x, y)),
                    },
                    Op::SelfTailCall { argc, hi } => {
                        reduce!();
                        // `hi` comes from the verified operands (so it is at most `nregs`);
                        // the `min` keeps the unchecked accesses in the frame regardless.
                        for i in argc as usize..(hi as usize).min(nregs) {
                            release(reg_mut!(i));
                        }
                        ip = code_start;
                    }
                    Op::SelfTailCallWindow { base: b, argc, hi } => {
                        reduce!();
                        let argc = argc as usize;
                        move_down!(b as usize, argc);
                        for i in argc..(hi as usize).min(nregs) {
                            release(reg_mut!(i));
                        }
                        ip = code_start;
                    }

                    // ---- moves and constants ----
                    Op::Move { dst, src } => {
                        let v = std::mem::take(reg_mut!(src));
                        store(reg_mut!(dst), v);
                    }
                    Op::Copy { dst, src } => match *reg!(src) {
                        // Loop variables: through the typed stores' fast paths.
                        Value::Int(x) => set_int(reg_mut!(dst), x),
                        Value::Bool(x) => set_bool(reg_mut!(dst), x),
                        Value::Float(x) => set_float(reg_mut!(dst), x),
                        ref v => {
                            let v = dup(v);
                            store(reg_mut!(dst), v);
                        }
                    },
                    Op::LoadConst { dst, idx } => {
                        store(reg_mut!(dst), exec.consts[idx as usize].clone());
                    }
                    Op::LoadInt { dst, value } => set_int(reg_mut!(dst), value as i64),
                    Op::LoadBool { dst, value } => set_bool(reg_mut!(dst), value),
                    Op::LoadUnit { dst } => store(reg_mut!(dst), Value::Unit),
                    Op::LoadFn { dst, func } => store(reg_mut!(dst), Value::Fn(func)),
                    Op::LoadCapture { dst, idx } => {
                        let closure = self.frames.last().and_then(|f| f.closure.as_ref());
                        match closure.and_then(|c| c.captures.get(idx as usize)) {
                            Some(v) => store(reg_mut!(dst), v.clone()),
                            None => {
                                fail!(capture_error(func, idx, closure.map(|c| c.captures.len())))
                            }
                        }
                    }
                    Op::LoadSelf { dst } => {
                        let v = match self.frames.last().and_then(|f| f.closure.as_ref()) {
                            Some(c) => Value::Closure(c.clone()),
                            None => Value::Fn(fidx),
                        };
                        store(reg_mut!(dst), v);
                    }

                    // ---- Int arithmetic ----
                    Op::AddInt { dst, a, b } => int_binop!(dst, a, b, "+", checked_add),
                    Op::SubInt { dst, a, b } => int_binop!(dst, a, b, "-", checked_sub),
                    Op::MulInt { dst, a, b } => int_binop!(dst, a, b, "*", checked_mul),
                    Op::DivInt { dst, a, b } => match (reg!(a), reg!(b)) {
                        (Value::Int(_), Value::Int(0)) => fail!(division_by_zero()),
                        (&Value::Int(x), &Value::Int(y)) => match x.checked_div(y) {
                            Some(z) => set_int(reg_mut!(dst), z),
                            None => fail!(overflow("/")),
                        },
                        (x, y) => fail!(operand_error("/", "Int", x, y)),
                    },
                    Op::RemInt { dst, a, b } => match (reg!(a), reg!(b)) {
                        (Value::Int(_), Value::Int(0)) => fail!(division_by_zero()),
                        // `i64::MIN % -1` is exactly 0; only the quotient overflows.
                        (&Value::Int(x), &Value::Int(y)) => {
                            set_int(reg_mut!(dst), x.wrapping_rem(y))
                        }
                        (x, y) => fail!(operand_error("%", "Int", x, y)),
                    },
                    Op::NegInt { dst, src } => match reg!(src) {
                        &Value::Int(x) => match x.checked_neg() {
                            Some(z) => set_int(reg_mut!(dst), z),
                            None => fail!("integer overflow in negation".to_string()),
                        },
                        x => fail!(operand_error("-", "Int", x, x)),
                    },
                    Op::AddIntImm { dst, src, imm } => match reg!(src) {
                        &Value::Int(x) => match x.checked_add(imm as i64) {
                            Some(z) => set_int(reg_mut!(dst), z),
                            // `n - 1` compiles to an add of -1: report the operator written.
                            None => fail!(overflow(if imm < 0 { "-" } else { "+" })),
                        },
                        x => fail!(operand_error("+", "Int", x, x)),
                    },

                    // ---- Float arithmetic ----
                    Op::AddFloat { dst, a, b } => float_binop!(dst, a, b, +),
                    Op::SubFloat { dst, a, b } => float_binop!(dst, a, b, -),
                    Op::MulFloat { dst, a, b } => float_binop!(dst, a, b, *),
                    Op::DivFloat { dst, a, b } => float_binop!(dst, a, b, /),
                    Op::RemFloat { dst, a, b } => float_binop!(dst, a, b, %),
                    Op::NegFloat { dst, src } => match reg!(src) {
                        &Value::Float(x) => set_float(reg_mut!(dst), -x),
                        x => fail!(operand_error("-", "Float", x, x)),
                    },

                    // ---- comparisons ----
                    Op::EqIntImm { dst, a, imm } => int_cmp_imm!(dst, a, imm, ==),
                    Op::NeIntImm { dst, a, imm } => int_cmp_imm!(dst, a, imm, !=),
                    Op::LtIntImm { dst, a, imm } => int_cmp_imm!(dst, a, imm, <),
                    Op::LeIntImm { dst, a, imm } => int_cmp_imm!(dst, a, imm, <=),
                    Op::GtIntImm { dst, a, imm } => int_cmp_imm!(dst, a, imm, >),
                    Op::GeIntImm { dst, a, imm } => int_cmp_imm!(dst, a, imm, >=),
                    Op::EqIntImmJumpIfTrue { dst, a, imm, off } => {
                        cmp_imm_jump!(dst, a, imm, off, ==, true)
                    }
                    Op::EqIntImmJumpIfFalse { dst, a, imm, off } => {
                        cmp_imm_jump!(dst, a, imm, off, ==, false)
                    }
                    Op::NeIntImmJumpIfTrue { dst, a, imm, off } => {
                        cmp_imm_jump!(dst, a, imm, off, !=, true)
                    }
                    Op::NeIntImmJumpIfFalse { dst, a, imm, off } => {
                        cmp_imm_jump!(dst, a, imm, off, !=, false)
                    }
                    Op::LtIntImmJumpIfTrue { dst, a, imm, off } => {
                        cmp_imm_jump!(dst, a, imm, off, <, true)
                    }
                    Op::LtIntImmJumpIfFalse { dst, a, imm, off } => {
                        cmp_imm_jump!(dst, a, imm, off, <, false)
                    }
                    Op::LeIntImmJumpIfTrue { dst, a, imm, off } => {
                        cmp_imm_jump!(dst, a, imm, off, <=, true)
                    }
                    Op::LeIntImmJumpIfFalse { dst, a, imm, off } => {
                        cmp_imm_jump!(dst, a, imm, off, <=, false)
                    }
                    Op::GtIntImmJumpIfTrue { dst, a, imm, off } => {
                        cmp_imm_jump!(dst, a, imm, off, >, true)
                    }
                    Op::GtIntImmJumpIfFalse { dst, a, imm, off } => {
                        cmp_imm_jump!(dst, a, imm, off, >, false)
                    }
                    Op::GeIntImmJumpIfTrue { dst, a, imm, off } => {
                        cmp_imm_jump!(dst, a, imm, off, >=, true)
                    }
                    Op::GeIntImmJumpIfFalse { dst, a, imm, off } => {
                        cmp_imm_jump!(dst, a, imm, off, >=, false)
                    }
                    Op::EqInt { dst, a, b } => int_cmp!(dst, a, b, ==),
                    Op::NeInt { dst, a, b } => int_cmp!(dst, a, b, !=),
                    Op::LtInt { dst, a, b } => int_cmp!(dst, a, b, <),
                    Op::LeInt { dst, a, b } => int_cmp!(dst, a, b, <=),
                    Op::EqFloat { dst, a, b } => float_cmp!(dst, a, b, ==),
                    Op::LtFloat { dst, a, b } => float_cmp!(dst, a, b, <),
                    Op::LeFloat { dst, a, b } => float_cmp!(dst, a, b, <=),
                    Op::Eq { dst, a, b } => {
                        let v = generic_eq(reg!(a), reg!(b));
                        set_bool(reg_mut!(dst), v);
                    }
                    Op::Ne { dst, a, b } => {
                        let v = !generic_eq(reg!(a), reg!(b));
                        set_bool(reg_mut!(dst), v);
                    }
                    Op::Lt { dst, a, b } => {
                        let v = generic_lt(reg!(a), reg!(b));
                        set_bool(reg_mut!(dst), v);
                    }
                    Op::Le { dst, a, b } => {
                        let v = generic_le(reg!(a), reg!(b));
                        set_bool(reg_mut!(dst), v);
                    }
                    Op::Not { dst, src } => match reg!(src) {
                        &Value::Bool(x) => set_bool(reg_mut!(dst), !x),
                        x => fail!(operand_error("not", "Bool", x, x)),
                    },

                    // ---- control flow ----
                    Op::Jump { offset } => jump!(offset),
                    Op::JumpIfTrue { cond, offset } => match reg!(cond) {
                        Value::Bool(true) => jump!(offset),
                        Value::Bool(false) => {}
                        x => fail!(condition_error(x)),
                    },
                    Op::JumpIfFalse { cond, offset } => match reg!(cond) {
                        Value::Bool(false) => jump!(offset),
                        Value::Bool(true) => {}
                        x => fail!(condition_error(x)),
                    },
                    Op::Call {
                        base: b,
                        argc,
                        func,
                    } => {
                        reduce!();
                        let Some(callee) = program.functions.get(func as usize) else {
                            fail!(format!(
                                "call of function #{func}, which the program does not have"
                            ))
                        };
                        let new_base = base + b as usize;
                        if let Some(msg) =
                            self.overflow_check(new_base + callee.exec.nregs as usize)
                        {
                            fail!(msg);
                        }
                        self.set_pc(pc!());
                        // The caller's temporaries above the window become the callee's
                        // fresh registers: drop them (above the caller's frame all is `()`).
                        for i in b as usize + argc as usize..nregs {
                            release(reg_mut!(i));
                        }
                        self.frames.push(Frame {
                            func,
                            pc: 0,
                            base: new_base as u32,
                            ret: new_base as u32,
                            closure: None,
                        });
                        continue 'frame;
                    }
                    Op::TailCall {
                        base: b,
                        argc,
                        func,
                    } => {
                        reduce!();
                        let argc = argc as usize;
                        let b = b as usize;
                        if b != 0 {
                            move_down!(b, argc);
                        }
                        // (Self tail calls were translated to `SelfTailCall*`.)
                        for i in argc..nregs {
                            release(reg_mut!(i));
                        }
                        if let Some(f) = self.frames.last_mut() {
                            f.func = func;
                            f.pc = 0;
                            f.closure = None;
                        }
                        continue 'frame;
                    }
                    Op::CallValue { base: b, argc } => {
                        reduce!();
                        let callee = std::mem::take(reg_mut!(b));
                        let (cfunc, cnregs, closure) = match resolve_callee(program, callee, argc) {
                            Ok(c) => c,
                            Err(msg) => fail!(msg),
                        };
                        let ret = base + b as usize;
                        let new_base = ret + 1;
                        if let Some(msg) = self.overflow_check(new_base + cnregs) {
                            fail!(msg);
                        }
                        self.set_pc(pc!());
                        for i in b as usize + 1 + argc as usize..nregs {
                            release(reg_mut!(i));
                        }
                        self.frames.push(Frame {
                            func: cfunc,
                            pc: 0,
                            base: new_base as u32,
                            ret: ret as u32,
                            closure,
                        });
                        continue 'frame;
                    }
                    Op::TailCallValue { base: b, argc } => {
                        reduce!();
                        let callee = std::mem::take(reg_mut!(b));
                        let (cfunc, _, closure) = match resolve_callee(program, callee, argc) {
                            Ok(c) => c,
                            Err(msg) => fail!(msg),
                        };
                        let argc = argc as usize;
                        move_down!(b as usize + 1, argc);
                        for i in argc..nregs {
                            release(reg_mut!(i));
                        }
                        if let Some(f) = self.frames.last_mut() {
                            f.func = cfunc;
                            f.pc = 0;
                            f.closure = closure;
                        }
                        continue 'frame;
                    }
                    Op::CallNative {
                        base: b,
                        argc,
                        native,
                    } => {
                        reduce!();
                        // The trace of a failing native, and the resumption point of a
                        // suspended one, is this call.
                        self.set_pc(pc!());
                        let result = host.call_native(self, native, window!(b, argc));
                        // Whatever the native left in the window was moved to it.
                        for i in 1..argc as usize {
                            release(reg_mut!(b as usize + i));
                        }
                        match result {
                            NativeResult::Value(v) => store(reg_mut!(b), v),
                            NativeResult::Error(msg) => fail!(msg),
                            NativeResult::Suspend(fut) => {
                                store(reg_mut!(b), Value::Unit);
                                self.pending_dst = Some(base + b as usize);
                                return RunOutcome::Suspended(fut);
                            }
                        }
                    }
                    Op::Return { src } => {
                        let v = std::mem::take(reg_mut!(src));
                        let Some(done) = self.frames.pop() else {
                            return RunOutcome::Finished(v);
                        };
                        if self.frames.is_empty() {
                            return RunOutcome::Finished(v);
                        }
                        // The callee's registers die with it.
                        for i in 0..nregs {
                            release(reg_mut!(i));
                        }
                        if let Some(slot) = regs.get_mut(done.ret as usize) {
                            store(slot, v);
                        }
                        continue 'frame;
                    }
                    Op::Fail { msg } => {
                        let text = match &exec.consts[msg as usize] {
                            Value::Str(s) => s.as_str().to_string(),
                            other => ops::display(other, &program.types),
                        };
                        fail!(text)
                    }

                    // ---- data ----
                    Op::MakeTuple { base: b, n } => {
                        let v = if n == 0 {
                            Value::Unit
                        } else {
                            let w = window!(b, n);
                            Value::Tuple(Arc::new(w.iter_mut().map(std::mem::take).collect()))
                        };
                        store(reg_mut!(b), v);
                    }
                    Op::MakeList { base: b, n } => {
                        let w = window!(b, n);
                        let v = Value::List(Arc::new(w.iter_mut().map(std::mem::take).collect()));
                        store(reg_mut!(b), v);
                    }
                    Op::MakeMap { base: b, n } => {
                        let v = make_map(window!(b, 2 * n as usize));
                        store(reg_mut!(b), v);
                    }
                    Op::MakeData {
                        base: b,
                        n,
                        type_id,
                        tag,
                    } => {
                        let v = if n == 0 {
                            Value::Enum {
                                type_id: type_id as u32,
                                tag: tag as u32,
                            }
                        } else {
                            let w = window!(b, n);
                            Value::Data(Arc::new(Data {
                                type_id: type_id as u32,
                                tag: tag as u32,
                                fields: w.iter_mut().map(std::mem::take).collect(),
                            }))
                        };
                        store(reg_mut!(b), v);
                    }
                    Op::MakeClosure {
                        base: b,
                        ncap,
                        func,
                    } => {
                        let captures = window!(b, ncap).iter_mut().map(std::mem::take).collect();
                        store(
                            reg_mut!(b),
                            Value::Closure(Arc::new(Closure { func, captures })),
                        );
                    }
                    Op::GetField { dst, src, idx } => {
                        let field = match reg!(src) {
                            Value::Data(d) => d.fields.get(idx as usize).cloned(),
                            Value::Tuple(t) => t.get(idx as usize).cloned(),
                            _ => None,
                        };
                        match field {
                            Some(v) => store(reg_mut!(dst), v),
                            None => fail!(field_error(reg!(src), idx)),
                        }
                    }
                    Op::SetField { dst, idx, src } => {
                        let v = std::mem::take(reg_mut!(src));
                        let slot = match reg_mut!(dst) {
                            Value::Data(d) => Arc::make_mut(d).fields.get_mut(idx as usize),
                            Value::Tuple(t) => Arc::make_mut(t).get_mut(idx as usize),
                            _ => None,
                        };
                        match slot {
                            Some(slot) => *slot = v,
                            None => fail!(field_error(reg!(dst), idx)),
                        }
                    }
                    Op::GetTag { dst, src } => match reg!(src).data_tag() {
                        Some((_, tag)) => set_int(reg_mut!(dst), tag as i64),
                        None => fail!(operand_error(
                            "tag",
                            "struct or variant",
                            reg!(src),
                            reg!(src)
                        )),
                    },
                    Op::Len { dst, src } => {
                        let n = match reg!(src) {
                            Value::List(l) => l.len(),
                            Value::Map(m) => m.len(),
                            Value::Set(s) => s.len(),
                            Value::Tuple(t) => t.len(),
                            Value::Unit => 0,
                            x => fail!(operand_error("length", "collection", x, x)),
                        };
                        set_int(reg_mut!(dst), n as i64);
                    }
                    Op::ElemAt { dst, src, idx } => match elem_at(reg!(src), reg!(idx)) {
                        Ok(v) => store(reg_mut!(dst), v),
                        Err(msg) => fail!(msg),
                    },
                    Op::ListUncons { src, head } => {
                        let mut list = std::mem::take(reg_mut!(src));
                        let first = match &mut list {
                            Value::List(l) => pop_front(l),
                            x => fail!(operand_error("list pattern", "List", x, x)),
                        };
                        match first {
                            Some(h) => {
                                store(reg_mut!(src), list);
                                store(reg_mut!(head), h);
                            }
                            None => {
                                fail!("internal error: cannot take apart an empty list".to_string())
                            }
                        }
                    }
                    Op::ListPush { list, src } => {
                        let v = std::mem::take(reg_mut!(src));
                        match reg_mut!(list) {
                            Value::List(l) => Arc::make_mut(l).push_back(v),
                            x => fail!(operand_error("append", "List", x, x)),
                        }
                    }
                    Op::Concat { dst, a, b } => {
                        let left = std::mem::take(reg_mut!(a));
                        let result = if a == b {
                            let right = left.clone();
                            concat(left, &right)
                        } else {
                            concat(left, reg!(b))
                        };
                        match result {
                            Ok(v) => store(reg_mut!(dst), v),
                            Err(msg) => fail!(msg),
                        }
                    }
                    Op::Display { dst, src } => {
                        let v = match reg!(src) {
                            Value::Str(s) => Value::Str(s.clone()),
                            other => Value::str(ops::display(other, &program.types)),
                        };
                        store(reg_mut!(dst), v);
                    }
                    Op::Inspect { dst, src } => {
                        let v = Value::str(ops::inspect(reg!(src), &program.types));
                        store(reg_mut!(dst), v);
                    }
                    Op::TypeKey { dst, src } => {
                        let k = type_key_of(reg!(src));
                        set_int(reg_mut!(dst), k);
                    }

                    // ---- receive ----
                    Op::RecvStart { timeout } => {
                        let deadline = match reg!(timeout) {
                            Value::Unit => None,
                            // `after 0` (or less): look at what is there, never wait.
                            Value::Int(ms) if *ms <= 0 => Some(Instant::now()),
                            // Unrepresentably far deadlines are no deadline.
                            Value::Int(ms) => {
                                Instant::now().checked_add(Duration::from_millis(*ms as u64))
                            }
                            x => fail!(operand_error("after", "Int", x, x)),
                        };
                        self.cursor = 0;
                        self.deadline = deadline;
                        self.timed_out = false;
                    }
                    Op::RecvPeek { dst, on_timeout } => {
                        if self.cursor >= self.save_queue.len() {
                            if let Some(p) = &self.process {
                                p.mailbox.drain_into(&mut self.save_queue);
                            }
                        }
                        if let Some(m) = self.save_queue.get(self.cursor) {
                            store(reg_mut!(dst), m.clone());
                        } else if self.timed_out
                            || self.deadline.is_some_and(|d| d <= Instant::now())
                        {
                            jump!(on_timeout);
                            self.timed_out = false;
                            self.deadline = None;
                        } else {
                            self.set_pc(pc!() - 1);
                            return RunOutcome::WaitMessage {
                                deadline: self.deadline,
                            };
                        }
                    }
                    Op::RecvAccept => {
                        if self.save_queue.remove(self.cursor).is_none() {
                            fail!("internal error: receive accepted a message it did not peek"
                                .to_string());
                        }
                    }
                    Op::RecvSkip => self.cursor = self.cursor.saturating_add(1),
                }
            }
        }
    }

    /// The `stack overflow` message if a call whose frame ends at register `new_top` would
    /// break the fiber's limits.
    #[inline]
    fn overflow_check(&self, new_top: usize) -> Option<String> {
        if self.frames.len() >= self.max_frames {
            Some(format!(
                "stack overflow: more than {} nested calls (is a recursion missing its base \
                 case, or could it be a tail call?)",
                self.max_frames
            ))
        } else if new_top > self.max_regs {
            Some(format!(
                "stack overflow: the call stack needs more than {} registers (is a recursion \
                 missing its base case, or could it be a tail call?)",
                self.max_regs
            ))
        } else {
            None
        }
    }
}

/// Extends the register stack with `()` up to `top` (a frame bigger than any before).
#[cold]
#[inline(never)]
fn grow(regs: &mut Vec<Value>, top: usize) {
    let n = top - regs.len();
    regs.extend(std::iter::repeat_with(|| Value::Unit).take(n));
}

/// Stores an Int into a register. When the register already holds an Int (loop
/// variables do), this is a plain 8-byte store: no drop of the old value, and no 16-byte
/// copy of a value assembled on the stack, which stalls store forwarding on the hot path.
#[inline(always)]
fn set_int(slot: &mut Value, v: i64) {
    match slot {
        Value::Int(x) => *x = v,
        _ => store(slot, Value::Int(v)),
    }
}

/// Stores a Bool into a register (see [`set_int`]).
#[inline(always)]
fn set_bool(slot: &mut Value, v: bool) {
    match slot {
        Value::Bool(x) => *x = v,
        _ => store(slot, Value::Bool(v)),
    }
}

/// Stores a Float into a register (see [`set_int`]).
#[inline(always)]
fn set_float(slot: &mut Value, v: f64) {
    match slot {
        Value::Float(x) => *x = v,
        _ => store(slot, Value::Float(v)),
    }
}

/// True for values without a heap part, whose drop is a no-op.
#[inline(always)]
fn is_immediate(v: &Value) -> bool {
    // One comparison of the discriminant: the immediates are declared first in `Value`.
    matches!(
        v,
        Value::Unit
            | Value::Bool(_)
            | Value::Int(_)
            | Value::Float(_)
            | Value::Enum { .. }
            | Value::Fn(_)
    )
}

/// Clones a value; immediates by a plain bitwise copy (the derived `Clone` goes through a
/// jump table over all variants).
#[inline(always)]
fn dup(v: &Value) -> Value {
    if is_immediate(v) {
        // SAFETY: an immediate owns no heap data and has no drop glue, so a bitwise copy
        // is an independent, valid value (exactly what its `Clone` would produce).
        unsafe { std::ptr::read(v) }
    } else {
        v.clone()
    }
}

/// Drops the heap value a dead register still holds. Immediates are left as they are:
/// they own nothing and no later instruction reads a register before writing it, so
/// leaving them saves the store — and keeps the register's kind, so the next
/// `set_int`/`set_bool` into it takes its fast path.
#[inline(always)]
fn release(slot: &mut Value) {
    if !is_immediate(slot) {
        *slot = Value::Unit;
    }
}

/// Stores `v` into a register. Overwriting an immediate needs no drop, so that common
/// case skips the out-of-line drop glue of `Value` (a call per store otherwise).
#[inline(always)]
fn store(slot: &mut Value, v: Value) {
    if is_immediate(slot) {
        // Forgetting an immediate leaks nothing: it owns no heap memory.
        std::mem::forget(std::mem::replace(slot, v));
    } else {
        *slot = v;
    }
}

/// The function, its frame size and the closure of a called function value, checking the
/// arity.
#[inline]
fn resolve_callee(
    program: &Program,
    callee: Value,
    argc: u8,
) -> Result<(u32, usize, Option<Arc<Closure>>), String> {
    let (func, closure) = match callee {
        Value::Fn(f) => (f, None),
        Value::Closure(c) => (c.func, Some(c)),
        other => {
            return Err(format!(
                "internal error: cannot call a value of kind {}",
                other.kind_name()
            ))
        }
    };
    match program.functions.get(func as usize) {
        Some(f) if f.exec.arity == argc => Ok((func, f.exec.nregs as usize, closure)),
        Some(f) => Err(arity_error(f, argc)),
        None => Err(format!(
            "call of function #{func}, which the program does not have"
        )),
    }
}

#[cold]
fn arity_error(f: &LoadedFunction, argc: u8) -> String {
    format!(
        "internal error: `{}` takes {} argument(s) but was called with {}",
        f.name, f.arity, argc
    )
}

#[cold]
fn overflow(op: &str) -> String {
    format!("integer overflow in `{op}`")
}

#[cold]
fn division_by_zero() -> String {
    "division by zero".to_string()
}

#[cold]
fn operand_error(op: &str, expected: &str, a: &Value, b: &Value) -> String {
    if a.kind_name() == b.kind_name() {
        format!(
            "internal error: `{op}` expects {expected} operands, found {}",
            a.kind_name()
        )
    } else {
        format!(
            "internal error: `{op}` expects {expected} operands, found {} and {}",
            a.kind_name(),
            b.kind_name()
        )
    }
}

#[cold]
fn condition_error(v: &Value) -> String {
    format!(
        "internal error: a condition must be a Bool, found {}",
        v.kind_name()
    )
}

#[cold]
fn capture_error(func: &LoadedFunction, idx: u16, have: Option<usize>) -> String {
    match have {
        Some(n) => format!(
            "internal error: `{}` reads capture {idx} but its closure has {n}",
            func.name
        ),
        None => format!(
            "internal error: `{}` reads capture {idx} but is not running as a closure",
            func.name
        ),
    }
}

#[cold]
fn field_error(v: &Value, idx: u16) -> String {
    match v {
        Value::Data(d) => format!(
            "internal error: field {idx} of a value with {} fields",
            d.fields.len()
        ),
        Value::Tuple(t) => format!(
            "internal error: element {idx} of a tuple of {} elements",
            t.len()
        ),
        other => format!(
            "internal error: field {idx} of a value of kind {}",
            other.kind_name()
        ),
    }
}

/// `Eq`/`Ne`: structural equality, kept out of line so the dispatch loop stays compact.
#[inline(never)]
fn generic_eq(a: &Value, b: &Value) -> bool {
    ops::equal(a, b)
}

/// `Lt`: the language's `<` on any type (out of line, see [`generic_eq`]).
#[inline(never)]
fn generic_lt(a: &Value, b: &Value) -> bool {
    ops::less(a, b)
}

/// `Le`: the language's `<=` on any type (out of line, see [`generic_eq`]).
#[inline(never)]
fn generic_le(a: &Value, b: &Value) -> bool {
    ops::less_eq(a, b)
}

/// Builds a map from a window of key/value pairs (moved out).
#[inline(never)]
fn make_map(w: &mut [Value]) -> Value {
    let mut m = MapStore::with_capacity_and_hasher(w.len() / 2, BuildHasher::default());
    for pair in w.chunks_exact_mut(2) {
        let k = std::mem::take(&mut pair[0]);
        let v = std::mem::take(&mut pair[1]);
        m.insert(k, v);
    }
    Value::Map(Arc::new(m))
}

/// `ElemAt`: element `idx` of a List or Set, entry `idx` of a Map as a `(key, value)` tuple.
#[inline(never)]
fn elem_at(src: &Value, idx: &Value) -> Result<Value, String> {
    let Value::Int(i) = idx else {
        return Err(operand_error("index", "Int", idx, idx));
    };
    let (found, len) = match src {
        Value::List(l) => (
            usize::try_from(*i).ok().and_then(|i| l.get(i)).cloned(),
            l.len(),
        ),
        Value::Set(s) => (
            usize::try_from(*i)
                .ok()
                .and_then(|i| s.get_index(i))
                .cloned(),
            s.len(),
        ),
        Value::Map(m) => (
            usize::try_from(*i)
                .ok()
                .and_then(|i| m.get_index(i))
                .map(|(k, v)| Value::Tuple(Arc::new(vec![k.clone(), v.clone()]))),
            m.len(),
        ),
        Value::Tuple(t) => (
            usize::try_from(*i).ok().and_then(|i| t.get(i)).cloned(),
            t.len(),
        ),
        other => return Err(operand_error("index", "collection", other, other)),
    };
    found.ok_or_else(|| {
        format!(
            "index {i} out of range for a {} of length {len}",
            src.kind_name()
        )
    })
}

/// Removes the first element of a list, in place when unshared.
#[inline(never)]
fn pop_front(l: &mut Arc<VecDeque<Value>>) -> Option<Value> {
    match Arc::get_mut(l) {
        Some(owned) => owned.pop_front(),
        None => {
            // Shared: build the rest directly instead of cloning everything and popping.
            let first = l.front().cloned()?;
            *l = Arc::new(l.iter().skip(1).cloned().collect());
            Some(first)
        }
    }
}

/// `a <> b` for strings and lists, appending to `a` in place when it is unshared.
#[inline(never)]
fn concat(a: Value, b: &Value) -> Result<Value, String> {
    match (a, b) {
        (Value::Str(mut s), Value::Str(t)) => {
            if s.is_empty() {
                return Ok(Value::Str(t.clone()));
            }
            if !t.is_empty() {
                Arc::make_mut(&mut s).push_str(t);
            }
            Ok(Value::Str(s))
        }
        (Value::List(mut l), Value::List(m)) => {
            if l.is_empty() {
                return Ok(Value::List(m.clone()));
            }
            if !m.is_empty() {
                Arc::make_mut(&mut l).extend(m.iter().cloned());
            }
            Ok(Value::List(l))
        }
        (a, b) => Err(operand_error("<>", "String or List", &a, b)),
    }
}

/// The run-time type key of a value (see [`type_key`]).
fn type_key_of(v: &Value) -> i64 {
    match v {
        Value::Unit => type_key::UNIT,
        Value::Bool(_) => type_key::BOOL,
        Value::Int(_) => type_key::INT,
        Value::Float(_) => type_key::FLOAT,
        Value::Str(_) => type_key::STRING,
        Value::List(_) => type_key::LIST,
        Value::Map(_) => type_key::MAP,
        Value::Set(_) => type_key::SET,
        Value::Tuple(_) => type_key::TUPLE,
        Value::Fn(_) | Value::Closure(_) => type_key::FUNCTION,
        Value::Pid(_) => type_key::PID,
        Value::Handle(_) => type_key::HANDLE,
        Value::Data(d) => type_key::DATA_BASE + d.type_id as i64,
        Value::Enum { type_id, .. } => type_key::DATA_BASE + *type_id as i64,
    }
}
