//! Natives of `Int` (`std/int.mpl`).

use super::{Args, Ret};
use crate::context::ProcessCtx;
use mesh_vm::Value;

/// `Int.to_float(i)`: the nearest `Float` (exact up to 2^53).
pub fn to_float(_: &mut ProcessCtx, a: &mut Args) -> Ret {
    Ok(Value::Float(a.int(0)? as f64))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::natives::testing::{call, show};

    #[test]
    fn to_float_converts() {
        let f =
            |i: i64| show(&call(to_float, "Int.to_float", vec![Value::Int(i)]).unwrap_or_default());
        assert_eq!(f(3), "3");
        assert_eq!(f(-2), "-2");
        assert_eq!(f(9007199254740993), "9007199254740992");
    }
}
