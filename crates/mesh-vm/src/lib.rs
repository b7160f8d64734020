//! `mesh-vm` owns the execution model: run-time [`Value`]s, the instruction set and program
//! image ([`bytecode`]), the structural operations every value supports ([`ops`]:
//! equality, ordering, hashing, `Display`/`Debug` text), and the interpreter loop
//! ([`interp`]) that runs one process's [`Fiber`] for a budget of reductions.
//!
//! It must not know about sockets, SQL, timers or the scheduler. Anything that needs the
//! outside world is a *native* called through the [`Host`] trait: the runtime (`mesh-rt`)
//! implements it, and a native that has to wait returns a future instead of blocking, which
//! the interpreter hands back to the runtime as [`RunOutcome::Suspended`].
//!
//! [`Program::load`] verifies an image ([`verify`]) and gives every function a private,
//! translated copy of its code that the interpreter executes (fused operations, unchecked
//! register access justified by verification; see [`interp`]). [`asm`] is a small
//! assembler for building images by hand in tests and benchmarks;
//! `examples/loop_bench.rs` measures the dispatch loop.

pub mod asm;
pub mod bytecode;
mod exec;
pub mod interp;
pub mod ops;
pub mod process;
pub mod program;
pub mod value;
pub mod verify;

#[cfg(test)]
mod tests;

pub use bytecode::{Const, Function, Image, Instr, Reg, TypeDesc, TypeInfo, TypeKind};
pub use interp::{Fiber, Host, NativeFuture, NativeResult, RunOutcome, RuntimeError, TraceFrame};
pub use process::{Mailbox, ProcessRef};
pub use program::Program;
pub use value::{Closure, Data, Handle, Value};
