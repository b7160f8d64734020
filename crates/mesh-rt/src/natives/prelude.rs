//! Natives of the prelude (`std/prelude.mpl`): `print` and `println` (and the run-time
//! face of `default`, which the checker resolves statically). The prelude's higher-order
//! functions and `compare` are written in Mesh.

use super::{Args, Ret};
use crate::context::ProcessCtx;
use mesh_vm::Value;

/// `print(s)`: writes `s` to standard output.
pub fn print(ctx: &mut ProcessCtx, a: &mut Args) -> Ret {
    ctx.out().write_out(a.str(0)?, false);
    Ok(Value::Unit)
}

/// `println(s)`: writes `s` and a newline to standard output.
pub fn println(ctx: &mut ProcessCtx, a: &mut Args) -> Ret {
    ctx.out().write_out(a.str(0)?, true);
    Ok(Value::Unit)
}

/// `default()` as a function value. The checker resolves every call of `default()` to the
/// `Default` impl of the expected type, so this native only runs if a program manages to
/// call `default` without a known type (e.g. through a function value), which has no
/// meaning at run time.
pub fn default(_: &mut ProcessCtx, a: &mut Args) -> Ret {
    Err(a.fail(
        "the Default impl is chosen from the expected type at compile time; \
         `default` cannot be called as a function value",
    ))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::natives::testing;
    use crate::output::Output;

    #[test]
    fn print_and_println_write_to_stdout() {
        let (out, cap) = Output::memory();
        let mut ctx = testing::ctx_with(out);
        testing::call_in(&mut ctx, print, "Prelude.print", vec![Value::str("a")]).ok();
        testing::call_in(&mut ctx, println, "Prelude.println", vec![Value::str("b")]).ok();
        ctx.out().flush();
        assert_eq!(cap.stdout(), "ab\n");
        assert_eq!(cap.stderr(), "");
    }

    #[test]
    fn println_rejects_non_strings() {
        let err = testing::call(println, "Prelude.println", vec![Value::Int(1)]).unwrap_err();
        assert_eq!(
            err,
            "Prelude.println: argument 1 should be a String, got Int"
        );
    }

    #[test]
    fn default_as_a_value_is_a_clear_error() {
        let err = testing::call(default, "Prelude.default", vec![]).unwrap_err();
        assert!(
            err.starts_with("Prelude.default: the Default impl is chosen"),
            "{err}"
        );
    }
}
