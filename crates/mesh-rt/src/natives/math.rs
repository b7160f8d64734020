//! Natives of `Math` (`std/math.mpl`). `Math.pi`, `Math.min` and `Math.max` are written in
//! Mesh.

use super::float::saturating_int;
use super::{Args, Ret};
use crate::context::ProcessCtx;
use mesh_vm::Value;

/// `Math.abs(x)` for an `Int` or a `Float`.
pub fn abs(_: &mut ProcessCtx, a: &mut Args) -> Ret {
    match a.value(0)? {
        Value::Int(i) => i.checked_abs().map(Value::Int).ok_or_else(|| {
            a.fail(format!(
                "integer overflow: the absolute value of {i} is not an Int"
            ))
        }),
        Value::Float(f) => Ok(Value::Float(f.abs())),
        other => Err(a.fail(format!(
            "expected an Int or a Float, got {}",
            other.kind_name()
        ))),
    }
}

/// `Math.pow(base, exp)`.
pub fn pow(_: &mut ProcessCtx, a: &mut Args) -> Ret {
    Ok(Value::Float(a.float(0)?.powf(a.float(1)?)))
}

/// `Math.sqrt(x)`: NaN for negative `x`.
pub fn sqrt(_: &mut ProcessCtx, a: &mut Args) -> Ret {
    Ok(Value::Float(a.float(0)?.sqrt()))
}

/// `Math.floor(x)` as an `Int` (saturating; NaN → 0).
pub fn floor(_: &mut ProcessCtx, a: &mut Args) -> Ret {
    Ok(Value::Int(saturating_int(a.float(0)?.floor())))
}

/// `Math.ceil(x)` as an `Int` (saturating; NaN → 0).
pub fn ceil(_: &mut ProcessCtx, a: &mut Args) -> Ret {
    Ok(Value::Int(saturating_int(a.float(0)?.ceil())))
}

/// `Math.round(x)` as an `Int`, halves away from zero (saturating; NaN → 0).
pub fn round(_: &mut ProcessCtx, a: &mut Args) -> Ret {
    Ok(Value::Int(saturating_int(a.float(0)?.round())))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::natives::testing::{call, show};

    fn f1(f: fn(&mut ProcessCtx, &mut Args) -> Ret, x: f64) -> String {
        show(&call(f, "Math.f", vec![Value::Float(x)]).unwrap_or_default())
    }

    #[test]
    fn abs_of_ints_and_floats() {
        let r = |v: Value| match call(abs, "Math.abs", vec![v]) {
            Ok(v) => show(&v),
            Err(e) => e,
        };
        assert_eq!(r(Value::Int(-3)), "3");
        assert_eq!(r(Value::Int(4)), "4");
        assert_eq!(r(Value::Float(-2.5)), "2.5");
        assert_eq!(r(Value::Float(-0.0)), "0");
        assert_eq!(
            r(Value::Int(i64::MIN)),
            "Math.abs: integer overflow: the absolute value of -9223372036854775808 is not an Int"
        );
        assert_eq!(
            r(Value::str("x")),
            "Math.abs: expected an Int or a Float, got String"
        );
    }

    #[test]
    fn rounding_functions_return_ints() {
        assert_eq!(f1(floor, -1.5), "-2");
        assert_eq!(f1(ceil, -1.5), "-1");
        assert_eq!(f1(round, 2.5), "3");
        assert_eq!(f1(round, -2.5), "-3");
        assert_eq!(f1(round, 2.4), "2");
        assert_eq!(f1(round, f64::NAN), "0");
        assert_eq!(f1(ceil, 1e30), "9223372036854775807");
    }

    #[test]
    fn pow_and_sqrt() {
        let p =
            call(pow, "Math.pow", vec![Value::Float(2.0), Value::Float(10.0)]).unwrap_or_default();
        assert_eq!(show(&p), "1024");
        assert_eq!(f1(sqrt, 9.0), "3");
        assert_eq!(f1(sqrt, -1.0), "NaN");
    }
}
