//! A minimal program runner: runs the entry function of a program in one fiber on a tokio
//! runtime, serving its natives, suspensions and `receive` waits, and turns the outcome
//! into an exit code. (The multi-process scheduler builds on [`run_fiber`].)

use crate::context::{ProcessCtx, Shared};
use crate::output::Output;
use mesh_vm::{Fiber, ProcessRef, Program, RunOutcome, RuntimeError, Value};
use std::sync::Arc;
use std::task::Poll;
use std::time::Instant;

/// Reductions a fiber runs before it yields to the other tasks.
pub const BUDGET: u32 = 4000;

/// Process id of the program's main process.
pub const MAIN_PID: u64 = 1;

/// Runs `program` with command-line `args` and returns the process exit code: 0 when the
/// entry function returns, 1 when it fails (the error and its Mesh stack trace go to
/// standard error as `error: <message>` followed by `    at <function> (<file>:<line>)`).
pub fn run_program(program: Program, args: Vec<String>) -> i32 {
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
    let code = rt.block_on(run_main(shared));
    // Do not wait for blocking helpers (e.g. a stdin read nobody awaits any more).
    rt.shutdown_background();
    code
}

/// Runs the program's entry function to completion on the current tokio runtime and
/// reports the outcome on the program's output; returns the exit code.
pub async fn run_main(shared: Arc<Shared>) -> i32 {
    let program = shared.program().clone();
    let mut fiber = Fiber::new(&program, program.entry, Vec::new());
    fiber.process = Some(Arc::new(ProcessRef::new(MAIN_PID)));
    let mut ctx = ProcessCtx::new(shared.clone());
    let result = run_fiber(&program, &mut fiber, &mut ctx).await;
    if let Some(p) = &fiber.process {
        p.mailbox.close();
    }
    match result {
        Ok(_) => {
            shared.out().flush();
            0
        }
        Err(err) => {
            shared.out().write_err(&err.to_string());
            1
        }
    }
}

/// Runs `fiber` until it finishes (its value) or fails (the error with its stack trace).
pub async fn run_fiber(
    program: &Program,
    fiber: &mut Fiber,
    ctx: &mut ProcessCtx,
) -> Result<Value, RuntimeError> {
    loop {
        match fiber.run(program, ctx, BUDGET) {
            RunOutcome::Finished(v) => return Ok(v),
            RunOutcome::Failed(e) => return Err(e),
            RunOutcome::Yielded => {
                ctx.out().flush_if_stale();
                tokio::task::yield_now().await;
            }
            RunOutcome::Suspended(fut) => {
                ctx.out().flush();
                match fut.await {
                    Ok(v) => fiber.resume_native(v),
                    Err(msg) => return Err(fiber.error(program, msg)),
                }
            }
            RunOutcome::WaitMessage { deadline } => {
                ctx.out().flush();
                wait_message(fiber, deadline).await;
            }
        }
    }
}

/// Waits until the fiber's mailbox receives a message or `deadline` passes (then tells the
/// fiber its `receive` timed out).
async fn wait_message(fiber: &mut Fiber, deadline: Option<Instant>) {
    let Some(process) = fiber.process.clone() else {
        // No mailbox: only the timeout can end the wait.
        match deadline {
            Some(d) => {
                tokio::time::sleep_until(tokio::time::Instant::from_std(d)).await;
                fiber.resume_timeout();
            }
            None => std::future::pending::<()>().await,
        }
        return;
    };
    let arrived = std::future::poll_fn(|cx| {
        if process.mailbox.register_waker(cx.waker()) {
            Poll::Ready(())
        } else {
            Poll::Pending
        }
    });
    match deadline {
        None => arrived.await,
        Some(d) => {
            tokio::select! {
                _ = arrived => {}
                _ = tokio::time::sleep_until(tokio::time::Instant::from_std(d)) => {
                    if !process.mailbox.has_messages() {
                        fiber.resume_timeout();
                    }
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use mesh_vm::bytecode::{Const, Function, Image, Instr};
    use std::sync::Mutex;
    use std::time::Duration;

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

    #[tokio::test]
    async fn receive_wakes_up_on_a_message() {
        let (out, cap) = Output::memory();
        let shared = Shared::new(receive_program(), vec![], out).unwrap_or_else(|e| panic!("{e}"));
        let program = shared.program().clone();
        let mut fiber = Fiber::new(&program, program.entry, Vec::new());
        let process = Arc::new(ProcessRef::new(7));
        fiber.process = Some(process.clone());
        let sender = tokio::spawn(async move {
            tokio::time::sleep(Duration::from_millis(10)).await;
            process.mailbox.push(Value::str("ping"));
        });
        let mut ctx = ProcessCtx::new(shared.clone());
        let r = run_fiber(&program, &mut fiber, &mut ctx).await;
        assert!(r.is_ok());
        let _ = sender.await;
        shared.out().flush();
        assert_eq!(cap.stdout(), "got ping\n");
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
