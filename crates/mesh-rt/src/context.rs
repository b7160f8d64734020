//! What a running program shares between its processes ([`Shared`]) and the per-process
//! context handed to natives ([`ProcessCtx`]), which implements the interpreter's
//! [`Host`] trait.

use crate::output::Output;
use crate::registry::{self, NativeFn};
use mesh_vm::bytecode::TypeInfo;
use mesh_vm::{Fiber, Host, NativeResult, Program, Value};
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
        Ok(Arc::new(Shared {
            program: Arc::new(program),
            natives,
            args,
            out,
            stdin: Arc::new(AsyncMutex::new(None)),
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
}

/// The context of one process: what its natives can reach.
pub struct ProcessCtx {
    shared: Arc<Shared>,
}

impl ProcessCtx {
    /// A context for a new process of the program run `shared`.
    pub fn new(shared: Arc<Shared>) -> ProcessCtx {
        ProcessCtx { shared }
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
