//! `mesh-rt` owns everything a running program needs beyond the interpreter: the
//! scheduler and processes (tokio tasks), and the natives of every standard-library
//! module.
//!
//! It must not know about parsing or types: it receives a verified `mesh_vm::Program`.
