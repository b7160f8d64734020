//! Natives of `Timer` (`std/timer.mpl`): the monotonic clock.

use super::{Args, Ret};
use crate::context::ProcessCtx;
use mesh_vm::Value;
use std::sync::OnceLock;
use std::time::Instant;

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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::natives::testing::call;

    #[test]
    fn the_clock_is_monotonic() {
        let a = call(now_us, "Timer.now_us", vec![]).ok().and_then(|v| v.as_int());
        let b = call(now_us, "Timer.now_us", vec![]).ok().and_then(|v| v.as_int());
        assert!(a <= b);
    }
}
