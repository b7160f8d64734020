//! `mesh-compile` turns the typed IR of `mesh-check` into a bytecode [`mesh_vm::Image`]:
//! register allocation, closure conversion, pattern-match compilation, tail calls, and the
//! move-on-last-use analysis that lets the VM update unshared collections in place.
//!
//! It must not know about tokio, I/O or how natives are implemented: natives are names.
