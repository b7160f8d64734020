//! Natives of `Timer` (`std/timer.mpl`): the monotonic clock, sleeping and delayed
//! messages. Both waits are tokio timers: a sleeping process is a suspended task (others
//! keep running, no thread is blocked) and a delayed message is a small timer task that
//! counts as active, so the program does not end while it is pending.

use super::{Args, Ret};
use crate::context::ProcessCtx;
use crate::signals;
use mesh_vm::{NativeResult, Value};
use std::sync::OnceLock;
use std::time::{Duration, Instant};

/// The clock's origin: the first time it is read in this program run.
fn origin() -> Instant {
    static START: OnceLock<Instant> = OnceLock::new();
    *START.get_or_init(Instant::now)
}

/// `Timer.now_ms()`: milliseconds since an arbitrary point, never going backwards.
pub fn now_ms(_: &mut ProcessCtx, _: &mut Args) -> Ret {
    Ok(Value::Int(origin().elapsed().as_millis() as i64))
}

/// `Timer.now_us()`: microseconds since an arbitrary point, never going backwards.
pub fn now_us(_: &mut ProcessCtx, _: &mut Args) -> Ret {
    Ok(Value::Int(origin().elapsed().as_micros() as i64))
}

/// `Timer.sleep(ms)`: suspends the calling process for `ms` milliseconds (`ms <= 0`
/// returns at once).
pub fn sleep(_: &mut ProcessCtx, a: &mut Args) -> NativeResult {
    let ms = match a.int(0) {
        Ok(ms) => ms,
        Err(e) => return NativeResult::Error(e),
    };
    if ms <= 0 {
        return NativeResult::Value(Value::Unit);
    }
    let d = Duration::from_millis(ms as u64);
    NativeResult::Suspend(Box::pin(async move {
        tokio::time::sleep(d).await;
        Ok(Value::Unit)
    }))
}

/// `Timer.send_after(pid, ms, msg)`: delivers `msg` to `pid` after `ms` milliseconds
/// (`ms <= 0`: now).
pub fn send_after(ctx: &mut ProcessCtx, a: &mut Args) -> Ret {
    let msg = a.take(2)?;
    let ms = a.int(1)?;
    let to = a.pid(0)?.clone();
    let shared = ctx.shared().clone();
    if ms <= 0 {
        signals::deliver(&shared, &to, msg);
        return Ok(Value::Unit);
    }
    let handle = tokio::runtime::Handle::try_current()
        .map_err(|_| a.fail("cannot start a timer outside the runtime"))?;
    let d = Duration::from_millis(ms as u64);
    // The pending timer keeps the program alive (see `scheduler`).
    shared.sched().enter();
    handle.spawn(async move {
        tokio::time::sleep(d).await;
        signals::deliver(&shared, &to, msg);
        shared.sched().leave();
    });
    Ok(Value::Unit)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::natives::testing::call;

    #[test]
    fn the_clock_is_monotonic() {
        let a = call(now_us, "Timer.now_us", vec![])
            .ok()
            .and_then(|v| v.as_int());
        let b = call(now_us, "Timer.now_us", vec![])
            .ok()
            .and_then(|v| v.as_int());
        assert!(a <= b);
    }
}
