//! Runs a whole program: sets up the tokio runtime and the program's shared state, runs
//! `main` and every process it starts (see [`crate::scheduler`]), and turns the outcome
//! into the process exit code.

use crate::context::Shared;
use crate::output::Output;
pub use crate::scheduler::{run_main, BUDGET, MAIN_PID};
use mesh_vm::Program;

/// Runs `program` with command-line `args` and returns the process exit code: 0 when the
/// program ends normally (every process finished, or all that remain wait for messages
/// that can never come), 1 when `main` fails (the error and its Mesh stack trace go to
/// standard error as `error: <message>` followed by `    at <function> (<file>:<line>)`),
/// or the code given to `Process.exit`.
pub fn run_program(program: Program, args: Vec<String>) -> i32 {
    // A panic is a bug in the runtime; the scheduler turns it into a process error, so the
    // default hook's Rust message must not reach the user.
    std::panic::set_hook(Box::new(|_| {}));
    crate::tune_allocator();
    let shared = match Shared::new(program, args, Output::stdio()) {
        Ok(s) => s,
        Err(e) => {
            eprintln!("error: {e}");
            return 1;
        }
    };
    let rt = match tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
    {
        Ok(rt) => rt,
        Err(e) => {
            eprintln!("error: cannot start the runtime: {e}");
            return 1;
        }
    };
    let code = rt.block_on(run_main(shared.clone()));
    // Do not wait for processes that can never run again, or blocking helpers (e.g. a
    // stdin read nobody awaits any more).
    rt.shutdown_background();
    shared.out().flush();
    code
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::context::ProcessCtx;
    use mesh_vm::bytecode::{Const, Function, Image, Instr};
    use std::sync::Mutex;
    use std::time::{Duration, Instant};

    fn program(natives: &[&str], consts: Vec<Const>, code: Vec<Instr>, nregs: u16) -> Program {
        let lines = (0..code.len() as u32).map(|pc| (pc, pc + 1)).collect();
        let image = Image {
            files: vec!["main.mpl".into()],
            functions: vec![Function {
                name: "Main.main".into(),
                file: 0,
                arity: 0,
                nregs,
                code,
                consts,
                lines,
            }],
            natives: natives.iter().map(|s| s.to_string()).collect(),
            types: Image::builtin_types(),
            entry: 0,
        };
        Program::load(image).unwrap_or_else(|e| panic!("test program must load: {e}"))
    }

    /// Runs a program with both output streams captured in one buffer.
    async fn run_captured(p: Program) -> (i32, String) {
        let (out, both) = Output::memory_combined();
        let shared = Shared::new(p, vec![], out).unwrap_or_else(|e| panic!("{e}"));
        let code = run_main(shared).await;
        let text =
            String::from_utf8_lossy(&both.lock().unwrap_or_else(|e| e.into_inner())).into_owned();
        (code, text)
    }

    fn text(s: &str) -> Const {
        Const::Str(s.into())
    }

    #[tokio::test]
    async fn prints_and_finishes_with_exit_code_zero() {
        let p = program(
            &["Prelude.println", "Prelude.print"],
            vec![text("hello"), text("a"), text("b")],
            vec![
                Instr::LoadConst { dst: 0, idx: 0 },
                Instr::CallNative {
                    base: 0,
                    argc: 1,
                    native: 0,
                },
                Instr::LoadConst { dst: 0, idx: 1 },
                Instr::CallNative {
                    base: 0,
                    argc: 1,
                    native: 1,
                },
                Instr::LoadConst { dst: 0, idx: 2 },
                Instr::CallNative {
                    base: 0,
                    argc: 1,
                    native: 0,
                },
                Instr::Return { src: 0 },
            ],
            1,
        );
        assert_eq!(run_captured(p).await, (0, "hello\nab\n".to_string()));
    }

    #[tokio::test]
    async fn failures_print_the_error_and_the_mesh_stack_trace() {
        let p = program(
            &["Prelude.println", "List.head"],
            vec![text("before")],
            vec![
                Instr::LoadConst { dst: 0, idx: 0 },
                Instr::CallNative {
                    base: 0,
                    argc: 1,
                    native: 0,
                },
                Instr::MakeList { base: 0, n: 0 },
                Instr::CallNative {
                    base: 0,
                    argc: 1,
                    native: 1,
                },
                Instr::Return { src: 0 },
            ],
            1,
        );
        let (code, out) = run_captured(p).await;
        assert_eq!(code, 1);
        assert_eq!(
            out,
            "before\nerror: List.head: empty list\n    at Main.main (main.mpl:4)\n"
        );
    }

    #[tokio::test]
    async fn suspending_natives_are_awaited_and_resumed() {
        let p = program(
            &["File.exists", "String.from", "Prelude.println"],
            vec![text("/")],
            vec![
                Instr::LoadConst { dst: 0, idx: 0 },
                Instr::CallNative {
                    base: 0,
                    argc: 1,
                    native: 0,
                },
                Instr::CallNative {
                    base: 0,
                    argc: 1,
                    native: 1,
                },
                Instr::CallNative {
                    base: 0,
                    argc: 1,
                    native: 2,
                },
                Instr::Return { src: 0 },
            ],
            1,
        );
        assert_eq!(run_captured(p).await, (0, "true\n".to_string()));
    }

    #[tokio::test]
    async fn busy_loops_yield_and_continue() {
        let p = program(
            &["Prelude.println"],
            vec![],
            vec![
                Instr::LoadInt { dst: 0, value: 0 },
                Instr::LoadInt {
                    dst: 1,
                    value: 100_000,
                },
                Instr::AddIntImm {
                    dst: 0,
                    src: 0,
                    imm: 1,
                },
                Instr::LtInt { dst: 2, a: 0, b: 1 },
                Instr::JumpIfTrue {
                    cond: 2,
                    offset: -3,
                },
                Instr::Display { dst: 0, src: 0 },
                Instr::CallNative {
                    base: 0,
                    argc: 1,
                    native: 0,
                },
                Instr::Return { src: 0 },
            ],
            3,
        );
        assert_eq!(run_captured(p).await, (0, "100000\n".to_string()));
    }

    /// `receive do msg -> "got " <> msg after 20 -> "timeout" end |> println`.
    fn receive_program() -> Program {
        program(
            &["Prelude.println"],
            vec![text("timeout"), text("got ")],
            vec![
                Instr::LoadInt { dst: 0, value: 50 },
                Instr::RecvStart { timeout: 0 },
                Instr::RecvPeek {
                    dst: 1,
                    on_timeout: 4,
                },
                Instr::RecvAccept,
                Instr::LoadConst { dst: 0, idx: 1 },
                Instr::Concat { dst: 0, a: 0, b: 1 },
                Instr::Jump { offset: 1 },
                Instr::LoadConst { dst: 0, idx: 0 },
                Instr::CallNative {
                    base: 0,
                    argc: 1,
                    native: 0,
                },
                Instr::Return { src: 0 },
            ],
            2,
        )
    }

    #[tokio::test]
    async fn receive_times_out_after_its_deadline() {
        let started = Instant::now();
        assert_eq!(
            run_captured(receive_program()).await,
            (0, "timeout\n".to_string())
        );
        assert!(started.elapsed() >= Duration::from_millis(50));
    }

    #[test]
    fn run_program_reports_exit_codes() {
        let ok = program(
            &[],
            vec![],
            vec![Instr::LoadUnit { dst: 0 }, Instr::Return { src: 0 }],
            1,
        );
        assert_eq!(run_program(ok, vec![]), 0);
        let unknown = program(
            &["Nope.nothing"],
            vec![],
            vec![Instr::LoadUnit { dst: 0 }, Instr::Return { src: 0 }],
            1,
        );
        assert_eq!(run_program(unknown, vec![]), 1);
    }

    #[test]
    fn output_types_are_shareable_between_threads() {
        fn assert_send_sync<T: Send + Sync>() {}
        assert_send_sync::<Shared>();
        assert_send_sync::<Mutex<ProcessCtx>>();
    }
}
