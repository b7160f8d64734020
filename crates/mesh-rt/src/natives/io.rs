//! Natives of `IO` (`std/io.mpl`): `read_line` (suspends the process while it waits for
//! standard input) and `eprintln`.

use super::{Args, Ret};
use crate::context::ProcessCtx;
use mesh_vm::{NativeResult, Value};
use tokio::io::{AsyncBufRead, AsyncBufReadExt, BufReader};

/// `IO.eprintln(s)`: writes `s` and a newline to standard error (after flushing stdout).
pub fn eprintln(ctx: &mut ProcessCtx, a: &mut Args) -> Ret {
    ctx.out().write_err_line(a.str(0)?);
    Ok(Value::Unit)
}

/// `IO.read_line()`: one line of standard input without its `\n` / `\r\n`; `Ok("")` at end
/// of input; `Err(<OS error text>)` on failure.
pub fn read_line(ctx: &mut ProcessCtx, _a: &mut Args) -> NativeResult {
    let stdin = ctx.stdin();
    NativeResult::Suspend(Box::pin(async move {
        let mut guard = stdin.lock().await;
        let reader = guard.get_or_insert_with(|| BufReader::new(tokio::io::stdin()));
        Ok(read_line_from(reader).await)
    }))
}

/// Reads one line from `r` and wraps it as `IO.read_line` returns it.
pub async fn read_line_from<R: AsyncBufRead + Unpin>(r: &mut R) -> Value {
    let mut bytes = Vec::new();
    match r.read_until(b'\n', &mut bytes).await {
        Ok(_) => {
            if bytes.last() == Some(&b'\n') {
                bytes.pop();
                if bytes.last() == Some(&b'\r') {
                    bytes.pop();
                }
            }
            match String::from_utf8(bytes) {
                Ok(s) => Value::ok(Value::str(s)),
                Err(_) => Value::err_str("stream did not contain valid UTF-8"),
            }
        }
        Err(e) => Value::err_str(e.to_string()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::natives::testing;
    use crate::output::Output;

    #[test]
    fn eprintln_flushes_stdout_first() {
        let (out, both) = Output::memory_combined();
        let mut ctx = testing::ctx_with(out);
        ctx.out().write_out("first", true);
        testing::call_in(
            &mut ctx,
            eprintln,
            "IO.eprintln",
            vec![Value::str("second")],
        )
        .ok();
        let text =
            String::from_utf8_lossy(&both.lock().unwrap_or_else(|e| e.into_inner())).into_owned();
        assert_eq!(text, "first\nsecond\n");
    }

    #[tokio::test]
    async fn read_line_strips_line_endings_and_reports_eof() {
        let mut input: &[u8] = b"one\r\ntwo\nlast";
        assert_eq!(testing::dbg(&read_line_from(&mut input).await), "Ok(one)");
        assert_eq!(testing::dbg(&read_line_from(&mut input).await), "Ok(two)");
        assert_eq!(testing::dbg(&read_line_from(&mut input).await), "Ok(last)");
        assert_eq!(testing::dbg(&read_line_from(&mut input).await), "Ok()");
    }

    #[tokio::test]
    async fn read_line_rejects_invalid_utf8() {
        let mut input: &[u8] = b"\xff\xfe\n";
        assert_eq!(
            testing::show(&read_line_from(&mut input).await),
            "Err(stream did not contain valid UTF-8)"
        );
    }
}
