//! `mesh-check` owns meaning: the module graph, name resolution, Hindley–Milner type
//! inference with traits, deriving, exhaustiveness checking, and the lowering of the
//! checked program to the typed IR ([`tir`]) that the compiler consumes.
//!
//! It must not know about bytecode, the VM or the runtime: natives are just qualified
//! names declared by `extern fn` in the standard library sources (`std/`).

pub mod tir;
