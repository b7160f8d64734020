//! `mesh-rt` owns everything a running program needs beyond the interpreter: the
//! scheduler and processes (tokio tasks), exit signals, links, monitors and the name
//! registry, and the natives of every standard-library module.
//!
//! It must not know about parsing or types: it receives a verified `mesh_vm::Program`.
//!
//! * [`natives`] — the natives, one submodule per standard-library module;
//! * [`registry`] — native name → implementation;
//! * [`context`] — what processes share ([`Shared`]) and the per-process [`ProcessCtx`]
//!   that implements the interpreter's `Host` trait;
//! * [`output`] — buffered standard output shared by all processes;
//! * [`scheduler`] — processes as tokio tasks, and when the program is over;
//! * [`signals`] — exit reasons, links, monitors and registered names;
//! * [`runner`] — runs a whole program and returns its exit code.

pub mod context;
pub mod natives;
pub mod output;
pub mod registry;
pub mod runner;
pub mod scheduler;
pub mod signals;

pub use context::{ProcessCtx, Shared};
pub use registry::{native, NativeFn};
pub use runner::run_program;
