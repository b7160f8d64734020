//! Natives of `Float` (`std/float.mpl`).

use super::{Args, Ret};
use crate::context::ProcessCtx;
use mesh_vm::Value;

/// Float → Int conversion used everywhere: truncation toward zero, saturating at the
/// `Int` range, NaN → 0.
pub fn saturating_int(f: f64) -> i64 {
    // Rust's `as` conversion from f64 to i64 saturates and maps NaN to 0.
    f as i64
}

/// `Float.to_int(f)`: truncates toward zero (saturating; NaN → 0).
pub fn to_int(_: &mut ProcessCtx, a: &mut Args) -> Ret {
    Ok(Value::Int(saturating_int(a.float(0)?)))
}

/// `Float.from(i)`: same as `Int.to_float`.
pub fn from(_: &mut ProcessCtx, a: &mut Args) -> Ret {
    Ok(Value::Float(a.int(0)? as f64))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::natives::testing::{call, show};

    #[test]
    fn to_int_truncates_and_saturates() {
        let t =
            |f: f64| show(&call(to_int, "Float.to_int", vec![Value::Float(f)]).unwrap_or_default());
        assert_eq!(t(2.9), "2");
        assert_eq!(t(-2.9), "-2");
        assert_eq!(t(f64::NAN), "0");
        assert_eq!(t(1e300), "9223372036854775807");
        assert_eq!(t(f64::NEG_INFINITY), "-9223372036854775808");
    }

    #[test]
    fn from_int() {
        let v = call(from, "Float.from", vec![Value::Int(7)]).unwrap_or_default();
        assert_eq!(v.as_float(), Some(7.0));
        let err = call(from, "Float.from", vec![Value::Float(7.0)]).unwrap_err();
        assert_eq!(err, "Float.from: argument 1 should be an Int, got Float");
    }
}
