//! Natives of `Env` (`std/env.mpl`): environment variables and the program's arguments.

use super::{Args, Ret};
use crate::context::ProcessCtx;
use mesh_vm::Value;

/// `Env.get(key)`: `Some(value)` if the variable is set and valid Unicode, else `None`.
pub fn get(_: &mut ProcessCtx, a: &mut Args) -> Ret {
    let key = a.str(0)?;
    // `std::env::var` rejects names with `=` or NUL by returning an error; map it to None.
    if key.is_empty() || key.contains(['=', '\0']) {
        return Ok(Value::none());
    }
    Ok(Value::option(std::env::var(key).ok().map(Value::str)))
}

/// `Env.args()`: the program's command-line arguments (without the program name).
pub fn args(ctx: &mut ProcessCtx, _: &mut Args) -> Ret {
    Ok(Value::list(
        ctx.args().iter().map(|s| Value::str(s.as_str())),
    ))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::natives::testing;

    #[test]
    fn get_reads_the_environment() {
        let path = testing::call(get, "Env.get", vec![Value::str("PATH")]).unwrap_or_default();
        assert!(mesh_vm::ops::is_some(&path));
        let missing = testing::call(get, "Env.get", vec![Value::str("MESH_SURELY_NOT_SET_42")])
            .unwrap_or_default();
        assert_eq!(testing::show(&missing), "None");
        let bad = testing::call(get, "Env.get", vec![Value::str("A=B")]).unwrap_or_default();
        assert_eq!(testing::show(&bad), "None");
    }

    #[test]
    fn args_lists_the_program_arguments() {
        let v = testing::call(args, "Env.args", vec![]).unwrap_or_default();
        assert_eq!(testing::show(&v), "[a1, a2]");
    }
}
