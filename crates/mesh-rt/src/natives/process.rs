//! Natives of `Process` (`std/process.mpl`): spawning, messages, the name registry, links,
//! monitors and exit signals. The semantics live in [`crate::signals`] and
//! [`crate::scheduler`]; these functions check arguments and call them.

use super::{Args, Ret};
use crate::context::ProcessCtx;
use crate::scheduler;
use crate::signals;
use mesh_vm::process::{ExitReason, SignalEffect};
use mesh_vm::{NativeResult, Value};
use std::sync::Arc;

/// A future that never completes: the caller stays suspended until an exit signal (or the
/// end of the program) stops it.
pub(crate) fn suspend_forever() -> NativeResult {
    NativeResult::Suspend(Box::pin(std::future::pending()))
}

fn int_of_u64(n: u64) -> Value {
    Value::Int(i64::try_from(n).unwrap_or(i64::MAX))
}

/// `Process.spawn(f, args)`: starts a process running `f(args…)`; its pid.
pub fn spawn(ctx: &mut ProcessCtx, a: &mut Args) -> Ret {
    let f = a.take(0)?;
    let args = a.take_list(1)?;
    let args: Vec<Value> = match Arc::try_unwrap(args) {
        Ok(l) => l.into(),
        Err(l) => l.iter().cloned().collect(),
    };
    scheduler::spawn(ctx.shared(), &f, args, None)
        .map(Value::Pid)
        .map_err(|e| a.fail(e))
}

/// `Process.send(pid, msg)`: queues `msg` (dropped if the process is not running).
pub fn send(ctx: &mut ProcessCtx, a: &mut Args) -> Ret {
    let msg = a.take(1)?;
    let to = a.pid(0)?;
    signals::deliver(ctx.shared(), to, msg);
    Ok(Value::Unit)
}

/// `Process.self_pid()`: the calling process.
pub fn self_pid(ctx: &mut ProcessCtx, _: &mut Args) -> Ret {
    Ok(Value::Pid(ctx.me().clone()))
}

/// `Process.link(pid)`: links the caller and `pid`.
pub fn link(ctx: &mut ProcessCtx, a: &mut Args) -> Ret {
    let other = a.pid(0)?.clone();
    signals::link(ctx.shared(), ctx.me(), &other);
    Ok(Value::Unit)
}

/// `Process.on_exit(handler)`: runs `handler` when the caller ends.
pub fn on_exit(ctx: &mut ProcessCtx, a: &mut Args) -> Ret {
    let h = a.take(0)?;
    if !matches!(h, Value::Fn(_) | Value::Closure(_)) {
        return Err(a.fail(format!("expected a function, got {}", h.kind_name())));
    }
    ctx.set_on_exit(h);
    Ok(Value::Unit)
}

/// `Process.register(name, pid)`: 0, or 1 if the name is taken or the process not running.
pub fn register(ctx: &mut ProcessCtx, a: &mut Args) -> Ret {
    let name = a.str(0)?;
    let pid = a.pid(1)?;
    Ok(Value::Int(if signals::register(ctx.shared(), name, pid) {
        0
    } else {
        1
    }))
}

/// `Process.whereis(name)`: the registered pid, or a pid that is not running.
pub fn whereis(ctx: &mut ProcessCtx, a: &mut Args) -> Ret {
    let name = a.str(0)?;
    let p = signals::whereis(ctx.shared(), name)
        .unwrap_or_else(|| ctx.shared().sched().null_pid().clone());
    Ok(Value::Pid(p))
}

/// `Process.lookup(name)`: `Some(pid)` if registered.
pub fn lookup(ctx: &mut ProcessCtx, a: &mut Args) -> Ret {
    let name = a.str(0)?;
    Ok(Value::option(
        signals::whereis(ctx.shared(), name).map(Value::Pid),
    ))
}

/// `Process.unregister(name)`: 0, or 1 if the name was not registered.
pub fn unregister(ctx: &mut ProcessCtx, a: &mut Args) -> Ret {
    let name = a.str(0)?;
    Ok(Value::Int(if signals::unregister(ctx.shared(), name) {
        0
    } else {
        1
    }))
}

/// `Process.monitor(pid)`: starts watching `pid`; the monitor's reference.
pub fn monitor(ctx: &mut ProcessCtx, a: &mut Args) -> Ret {
    let target = a.pid(0)?.clone();
    let mref = signals::monitor(ctx.shared(), ctx.me(), &target);
    ctx.add_monitor(mref, target);
    Ok(int_of_u64(mref))
}

/// `Process.demonitor(ref)`: 0 if the monitor existed, 1 otherwise.
pub fn demonitor(ctx: &mut ProcessCtx, a: &mut Args) -> Ret {
    let mref = u64::try_from(a.int(0)?).unwrap_or(0);
    let existed = ctx
        .remove_monitor(mref)
        .is_some_and(|target| signals::demonitor(&target, mref));
    Ok(Value::Int(if existed { 0 } else { 1 }))
}

/// `Process.trap_exit(on)`.
pub fn trap_exit(ctx: &mut ProcessCtx, a: &mut Args) -> Ret {
    let on = a.bool(0)?;
    ctx.me().mailbox.set_trap_exit(on);
    Ok(Value::Unit)
}

/// `Process.stop(pid, reason)`: sends an exit signal (`Killed` cannot be trapped). A
/// process that stops itself ends at once.
pub fn stop(ctx: &mut ProcessCtx, a: &mut Args) -> NativeResult {
    let (target, reason) = match (a.pid(0), a.value(1)) {
        (Ok(p), Ok(r)) => (p.clone(), r.clone()),
        (Err(e), _) | (_, Err(e)) => return NativeResult::Error(e),
    };
    let Some(reason) = ctx.shared().signal_types().reason_of(&reason) else {
        return NativeResult::Error(a.fail("argument 2 should be an ExitReason"));
    };
    let untrappable = reason == ExitReason::Killed;
    let effect = signals::send_exit(ctx.shared(), ctx.me(), &target, &reason, untrappable);
    if effect == SignalEffect::Ending && target.id == ctx.me().id {
        return suspend_forever();
    }
    NativeResult::Value(Value::Unit)
}

/// `Process.alive(pid)`: true while the process runs.
pub fn alive(_: &mut ProcessCtx, a: &mut Args) -> Ret {
    Ok(Value::Bool(!a.pid(0)?.mailbox.is_closed()))
}

/// `Process.exit(code)`: ends the whole program with exit code `code`.
pub fn exit(ctx: &mut ProcessCtx, a: &mut Args) -> NativeResult {
    let code = match a.int(0) {
        Ok(c) => i32::try_from(c).unwrap_or(if c < 0 { i32::MIN } else { i32::MAX }),
        Err(e) => return NativeResult::Error(e),
    };
    ctx.out().flush();
    ctx.shared().sched().end(code);
    suspend_forever()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::natives::testing::{call_in, ctx};

    #[test]
    fn registry_natives() {
        let mut c = ctx();
        let me = Value::Pid(c.me().clone());
        let r = call_in(
            &mut c,
            register,
            "Process.register",
            vec![Value::str("me"), me],
        );
        assert_eq!(r.ok().and_then(|v| v.as_int()), Some(0));
        let w = call_in(&mut c, whereis, "Process.whereis", vec![Value::str("me")]);
        assert!(matches!(w, Ok(Value::Pid(p)) if p.id == c.me().id));
        let w = call_in(
            &mut c,
            whereis,
            "Process.whereis",
            vec![Value::str("nobody")],
        );
        assert!(matches!(w, Ok(Value::Pid(p)) if p.id == 0 && p.mailbox.is_closed()));
        let l = call_in(&mut c, lookup, "Process.lookup", vec![Value::str("nobody")]);
        assert!(matches!(l, Ok(v) if v.to_option().is_none()));
        let u = call_in(
            &mut c,
            unregister,
            "Process.unregister",
            vec![Value::str("me")],
        );
        assert_eq!(u.ok().and_then(|v| v.as_int()), Some(0));
        let u = call_in(
            &mut c,
            unregister,
            "Process.unregister",
            vec![Value::str("me")],
        );
        assert_eq!(u.ok().and_then(|v| v.as_int()), Some(1));
    }

    #[test]
    fn spawning_outside_the_runtime_is_an_error_not_a_panic() {
        let mut c = ctx();
        let r = call_in(
            &mut c,
            spawn,
            "Process.spawn",
            vec![Value::Fn(0), Value::list([])],
        );
        assert_eq!(
            r.err().as_deref(),
            Some("Process.spawn: cannot start a process outside the runtime")
        );
    }

    #[test]
    fn wrong_arguments_are_errors() {
        let mut c = ctx();
        let r = call_in(
            &mut c,
            send,
            "Process.send",
            vec![Value::Int(1), Value::Int(2)],
        );
        assert_eq!(
            r.err().as_deref(),
            Some("Process.send: argument 1 should be a Pid, got Int")
        );
    }
}
