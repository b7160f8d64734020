//! `mesh-rt` owns everything a running program needs beyond the interpreter: the
//! scheduler and processes (tokio tasks), and the natives of every standard-library
//! module.
//!
//! It must not know about parsing or types: it receives a verified `mesh_vm::Program`.
//!
//! * [`natives`] — the natives, one submodule per standard-library module;
//! * [`registry`] — native name → implementation;
//! * [`context`] — what processes share ([`Shared`]) and the per-process [`ProcessCtx`]
//!   that implements the interpreter's `Host` trait;
//! * [`output`] — buffered standard output shared by all processes;
//! * [`runner`] — runs a program's entry function to completion.

pub mod context;
pub mod natives;
pub mod output;
pub mod registry;
pub mod runner;

pub use context::{ProcessCtx, Shared};
pub use registry::{native, NativeFn};
pub use runner::run_program;
