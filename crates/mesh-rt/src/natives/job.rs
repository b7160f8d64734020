//! Natives of `Job` (`std/job.mpl`): futures on top of processes.
//!
//! `Job.async(f)` spawns a process running `f()` with a [`JobSlot`] attached to it; when
//! the process ends, [`crate::signals::finish`] stores `Ok(value)` or `Err(reason)` there.
//! `Job.await` reads the slot of *that* job — not the caller's mailbox — so it takes only
//! that job's result, works in `main` (which has no `receive`), and can be repeated. A job
//! is not linked to its caller: its crash is reported by `await` as `Err(<reason>)`
//! (`killed`, `shutdown`, or the error message) instead of ending the caller.

use super::Args;
use crate::context::ProcessCtx;
use crate::scheduler;
use mesh_vm::{NativeResult, ProcessRef, Value};
use std::sync::{Arc, Mutex};
use std::time::Duration;
use tokio::sync::Notify;

/// Where a job's outcome goes.
#[derive(Default)]
pub struct JobSlot {
    result: Mutex<Option<Result<Value, String>>>,
    done: Notify,
}

impl JobSlot {
    /// Stores the job's outcome (the first one wins) and wakes its waiters.
    pub fn complete(&self, r: Result<Value, String>) {
        {
            let mut slot = self.result.lock().unwrap_or_else(|e| e.into_inner());
            if slot.is_none() {
                *slot = Some(r);
            }
        }
        self.done.notify_waiters();
    }

    fn get(&self) -> Option<Result<Value, String>> {
        self.result
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .clone()
    }

    /// Waits for the outcome.
    pub(crate) async fn wait(&self) -> Result<Value, String> {
        loop {
            let notified = self.done.notified();
            tokio::pin!(notified);
            notified.as_mut().enable();
            if let Some(r) = self.get() {
                return r;
            }
            notified.await;
        }
    }
}

fn as_result(r: Result<Value, String>) -> Value {
    match r {
        Ok(v) => Value::ok(v),
        Err(e) => Value::err_str(e),
    }
}

/// `Job.async(f)`: starts `f()` in a new process; its pid.
pub fn spawn_job(ctx: &mut ProcessCtx, a: &mut Args) -> Result<Value, String> {
    let f = a.take(0)?;
    let slot: Arc<JobSlot> = Arc::default();
    scheduler::spawn(ctx.shared(), &f, Vec::new(), Some(slot))
        .map(Value::Pid)
        .map_err(|e| a.fail(e))
}

fn slot_of(p: &ProcessRef) -> Option<Arc<JobSlot>> {
    p.mailbox
        .attachment()
        .and_then(|a| a.downcast::<JobSlot>().ok())
}

fn await_slot(a: &mut Args, timeout_ms: Option<i64>) -> NativeResult {
    let pid = match a.pid(0) {
        Ok(p) => p.clone(),
        Err(e) => return NativeResult::Error(e),
    };
    let Some(slot) = slot_of(&pid) else {
        return NativeResult::Value(Value::err_str(
            a.fail(format!("#PID<0.{}.0> is not a job", pid.id)),
        ));
    };
    if let Some(r) = slot.get() {
        return NativeResult::Value(as_result(r));
    }
    NativeResult::Suspend(Box::pin(async move {
        match timeout_ms {
            None => Ok(as_result(slot.wait().await)),
            Some(ms) => {
                let d = Duration::from_millis(ms.max(0) as u64);
                match tokio::time::timeout(d, slot.wait()).await {
                    Ok(r) => Ok(as_result(r)),
                    Err(_) => Ok(Value::err_str("timeout")),
                }
            }
        }
    }))
}

/// `Job.await(pid)`: the job's result, `Err(<reason>)` if it crashed.
pub fn await_job(_: &mut ProcessCtx, a: &mut Args) -> NativeResult {
    await_slot(a, None)
}

/// `Job.await_timeout(pid, ms)`: as `await`, or `Err("timeout")` after `ms` milliseconds.
pub fn await_timeout(_: &mut ProcessCtx, a: &mut Args) -> NativeResult {
    let ms = match a.int(1) {
        Ok(ms) => ms,
        Err(e) => return NativeResult::Error(e),
    };
    await_slot(a, Some(ms))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test]
    async fn the_first_outcome_wins_and_can_be_read_twice() {
        let slot = Arc::new(JobSlot::default());
        let s2 = slot.clone();
        let waiter = tokio::spawn(async move { s2.wait().await });
        slot.complete(Ok(Value::Int(4)));
        slot.complete(Err("late".into()));
        let got = waiter
            .await
            .ok()
            .and_then(|r| r.ok())
            .and_then(|v| v.as_int());
        assert_eq!(got, Some(4));
        assert_eq!(slot.wait().await.ok().and_then(|v| v.as_int()), Some(4));
    }
}
