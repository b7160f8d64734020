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
