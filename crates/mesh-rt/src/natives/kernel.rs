//! Natives of `Kernel` (`std/kernel.mpl`): operations the compiler emits for language
//! features.

use super::{Args, Ret};
use crate::context::ProcessCtx;
use mesh_vm::Value;

/// `Kernel.hash(x)`: the structural hash of any value (derived `Hash`, `x.hash()`).
pub fn hash(_: &mut ProcessCtx, a: &mut Args) -> Ret {
    Ok(Value::Int(mesh_vm::ops::hash_value(a.value(0)?)))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::natives::testing::call;

    #[test]
    fn equal_values_hash_equally() {
        let h = |v: Value| {
            call(hash, "Kernel.hash", vec![v])
                .ok()
                .and_then(|v| v.as_int())
        };
        assert_eq!(h(Value::str("abc")), h(Value::str("abc")));
        assert_ne!(h(Value::str("abc")), h(Value::str("abd")));
        assert_eq!(
            h(Value::list([Value::Int(1), Value::Int(2)])),
            h(Value::list([Value::Int(1), Value::Int(2)]))
        );
    }
}
