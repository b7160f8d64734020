//! `mesh-rt` owns everything a running program needs beyond the interpreter: the
//! scheduler and processes (tokio tasks), exit signals, links, monitors and the name
//! registry, and the natives of every standard-library module — among them the web layer
//! (the HTTP and WebSocket servers and the HTTP client, `natives::{http, request, ws, web}`).
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

/// Every Mesh program allocates many small objects on one thread and frees them on another
/// (a message built by its sender and dropped by its receiver; a process spawned by one
/// worker and ended on another). glibc's allocator serialises such frees on arena locks
/// and grows its thread arenas a page at a time; mimalloc's per-thread heaps with
/// delayed cross-thread frees do not, and pack small objects tightly (see the `proc`
/// benchmarks in `bench/`).
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// mimalloc's `mi_option_purge_delay` (index 15 of `mi_option_t` in `mimalloc.h`, v2 and
/// v3 alike; the Rust bindings name no constant for it).
const MI_OPTION_PURGE_DELAY: libmimalloc_sys::mi_option_t = 15;

/// How long freed memory stays with the allocator before it is returned to the OS, in ms.
/// mimalloc's default (10 ms) returns the pages of processes that just ended only to fault
/// them in (and zero them) again for the next ones: spawning a million processes spent
/// most of its time in the kernel. A second keeps the memory of a burst for the next.
pub const PURGE_DELAY_MS: i64 = 1000;

/// Tunes the allocator for the runtime; called once before a program runs.
pub fn tune_allocator() {
    // SAFETY: `mi_option_set` only stores an option value (any value is valid for this
    // option; it is read when memory is purged), and may be called at any time.
    unsafe { libmimalloc_sys::mi_option_set(MI_OPTION_PURGE_DELAY, PURGE_DELAY_MS as _) };
}

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

#[cfg(test)]
mod tests {
    #[test]
    fn the_allocator_keeps_freed_memory_for_a_while() {
        super::tune_allocator();
        // SAFETY: reading an option has no preconditions.
        let v = unsafe { libmimalloc_sys::mi_option_get(super::MI_OPTION_PURGE_DELAY) };
        assert_eq!(v as i64, super::PURGE_DELAY_MS);
    }
}
