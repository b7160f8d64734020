//! Natives of `Service` (`std/service.mpl`), the run-time half of `service` declarations:
//! a service is a process looping in `receive` over requests `(tag, reply_to, args)`.
//!
//! `Service.call` sends a request whose `reply_to` is a [`ReplyTo`] handle, the sending
//! half of a one-shot channel, and suspends the caller until the service answers with
//! `Service.reply`. A call never hangs: it fails the *caller* when no reply comes within
//! [`CALL_TIMEOUT_MS`], at once when the service is not running, and as soon as the
//! service ends without replying (its death drops the request and with it the channel's
//! sender; the error names the service's exit reason).

use super::Args;
use crate::context::{ProcessCtx, Shared};
use crate::signals;
use mesh_vm::process::{Delivery, ExitReason};
use mesh_vm::{Handle, NativeResult, ProcessRef, Value};
use std::sync::Mutex;
use std::time::Duration;
use tokio::sync::oneshot;

/// How long `Service.call` waits for a reply.
pub const CALL_TIMEOUT_MS: u64 = 5000;

/// The reply handle of one call: where `Service.reply` sends the answer.
pub struct ReplyTo(Mutex<Option<oneshot::Sender<Value>>>);

fn pid_text(p: &ProcessRef) -> String {
    format!("#PID<0.{}.0>", p.id)
}

/// Why calling a service that is not running fails.
fn not_running(p: &ProcessRef) -> String {
    if p.id == 0 {
        "Service.call: no such process (Process.whereis found no process under that name)"
            .to_string()
    } else {
        let reason = p
            .mailbox
            .exit_reason()
            .map_or_else(|| "unknown reason".to_string(), |r| r.text());
        format!(
            "Service.call: service {} is not running (it exited: {reason})",
            pid_text(p)
        )
    }
}

/// Waits up to `limit` for `p` to end; its exit reason, if it did.
async fn exit_of(shared: &Shared, p: &ProcessRef, limit: Duration) -> Option<ExitReason> {
    if let Some(r) = p.mailbox.exit_reason() {
        return Some(r);
    }
    let (tx, rx) = oneshot::channel();
    let observer = signals::observe(
        shared,
        p,
        Box::new(move |r: &ExitReason| {
            let _ = tx.send(r.clone());
        }),
    );
    let Some(mref) = observer else {
        return p.mailbox.exit_reason();
    };
    let r = tokio::time::timeout(limit, rx).await;
    signals::demonitor(p, mref);
    r.ok().and_then(|r| r.ok())
}

/// `Service.call(pid, tag, args)`: sends the request and waits for the reply.
pub fn call(ctx: &mut ProcessCtx, a: &mut Args) -> NativeResult {
    let args = match a.take(2) {
        Ok(v) => v,
        Err(e) => return NativeResult::Error(e),
    };
    let (pid, tag) = match (a.pid(0), a.int(1)) {
        (Ok(p), Ok(t)) => (p.clone(), t),
        (Err(e), _) | (_, Err(e)) => return NativeResult::Error(e),
    };
    let (tx, rx) = oneshot::channel();
    let reply_to = Handle::new_value("ReplyTo", ReplyTo(Mutex::new(Some(tx))));
    let request = Value::tuple(vec![Value::Int(tag), reply_to, args]);
    let shared = ctx.shared().clone();
    if signals::deliver(&shared, &pid, request) == Delivery::Dropped {
        return NativeResult::Error(not_running(&pid));
    }
    NativeResult::Suspend(Box::pin(async move {
        let started = tokio::time::Instant::now();
        let limit = Duration::from_millis(CALL_TIMEOUT_MS);
        match tokio::time::timeout(limit, rx).await {
            Ok(Ok(v)) => Ok(v),
            // The request was dropped unanswered: the service has ended (or is ending).
            Ok(Err(_)) => {
                let left = limit.saturating_sub(started.elapsed());
                Err(match exit_of(&shared, &pid, left).await {
                    Some(r) => format!(
                        "Service.call: service {} exited before replying ({})",
                        pid_text(&pid),
                        r.text()
                    ),
                    None => format!(
                        "Service.call: service {} dropped the request without replying",
                        pid_text(&pid)
                    ),
                })
            }
            Err(_) => Err(format!(
                "Service.call: no reply within {CALL_TIMEOUT_MS} ms"
            )),
        }
    }))
}

/// `Service.cast(pid, tag, args)`: sends the request `(tag, (), args)`; returns at once.
pub fn cast(ctx: &mut ProcessCtx, a: &mut Args) -> Result<Value, String> {
    let args = a.take(2)?;
    let tag = a.int(1)?;
    let pid = a.pid(0)?;
    signals::deliver(
        ctx.shared(),
        pid,
        Value::tuple(vec![Value::Int(tag), Value::Unit, args]),
    );
    Ok(Value::Unit)
}

/// `Service.reply(reply_to, value)`: answers a call (a caller that gave up is ignored).
pub fn reply(_: &mut ProcessCtx, a: &mut Args) -> Result<Value, String> {
    let value = a.take(1)?;
    if let Value::Handle(h) = a.value(0)? {
        if let Some(r) = h.downcast::<ReplyTo>() {
            let tx = r.0.lock().unwrap_or_else(|e| e.into_inner()).take();
            if let Some(tx) = tx {
                let _ = tx.send(value);
            }
        }
    }
    Ok(Value::Unit)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::natives::testing::ctx;
    use mesh_vm::Value;
    use std::sync::Arc;

    fn run(
        c: &mut ProcessCtx,
        f: fn(&mut ProcessCtx, &mut Args) -> NativeResult,
        mut args: Vec<Value>,
    ) -> NativeResult {
        let mut a = Args::new("Service.call", &mut args);
        f(c, &mut a)
    }

    #[test]
    fn calling_a_pid_of_no_process_fails_at_once() {
        let mut c = ctx();
        let null = c.shared().sched().null_pid().clone();
        match run(
            &mut c,
            call,
            vec![Value::Pid(null), Value::Int(0), Value::Unit],
        ) {
            NativeResult::Error(e) => assert!(e.contains("no such process"), "{e}"),
            _ => panic!("expected an error"),
        }
    }

    #[tokio::test]
    async fn a_reply_completes_the_call() {
        let mut c = ctx();
        let service = Arc::new(ProcessRef::new(77));
        let NativeResult::Suspend(fut) = run(
            &mut c,
            call,
            vec![Value::Pid(service.clone()), Value::Int(3), Value::Int(5)],
        ) else {
            panic!("a call suspends")
        };
        let mut q = std::collections::VecDeque::new();
        service.mailbox.drain_into(&mut q);
        let request = q.pop_front().unwrap_or_default();
        let parts = request.as_tuple().map(|t| t.to_vec()).unwrap_or_default();
        assert_eq!(parts.len(), 3);
        let mut args = vec![parts[1].clone(), Value::str("ok")];
        let mut a = Args::new("Service.reply", &mut args);
        assert!(reply(&mut c, &mut a).is_ok());
        assert_eq!(
            fut.await.ok().and_then(|v| v.as_str().map(String::from)),
            Some("ok".into())
        );
    }

    #[tokio::test]
    async fn a_service_ending_without_a_reply_fails_the_call_with_its_reason() {
        let mut c = ctx();
        let service = Arc::new(ProcessRef::new(78));
        let NativeResult::Suspend(fut) = run(
            &mut c,
            call,
            vec![Value::Pid(service.clone()), Value::Int(0), Value::Unit],
        ) else {
            panic!("a call suspends")
        };
        let shared = c.shared().clone();
        signals::finish(&shared, &service, ExitReason::Error("boom".into()), None);
        assert_eq!(
            fut.await.err().as_deref(),
            Some("Service.call: service #PID<0.78.0> exited before replying (boom)")
        );
    }
}
