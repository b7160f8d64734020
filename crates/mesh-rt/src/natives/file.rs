//! Natives of `File` (`std/file.mpl`). Every operation runs on tokio's blocking pool and
//! suspends the calling process meanwhile; failures are `Err(<OS error text>)`, e.g.
//! `No such file or directory (os error 2)`.

use super::Args;
use crate::context::ProcessCtx;
use mesh_vm::{NativeResult, Value};
use std::future::Future;
use tokio::io::AsyncWriteExt;

fn suspend<F>(fut: F) -> NativeResult
where
    F: Future<Output = Value> + Send + 'static,
{
    NativeResult::Suspend(Box::pin(async move { Ok(fut.await) }))
}

fn unit_result(r: std::io::Result<()>) -> Value {
    match r {
        Ok(()) => Value::ok(Value::Unit),
        Err(e) => Value::err_str(e.to_string()),
    }
}

fn path_and_text(a: &mut Args) -> Result<(String, std::sync::Arc<String>), String> {
    let path = a.str(0)?.to_string();
    let text = a.take_str(1)?;
    Ok((path, text))
}

/// `File.read(path)`: the whole file as UTF-8 text.
pub fn read(_: &mut ProcessCtx, a: &mut Args) -> NativeResult {
    let path = match a.str(0) {
        Ok(p) => p.to_string(),
        Err(e) => return NativeResult::Error(e),
    };
    suspend(async move {
        match tokio::fs::read_to_string(&path).await {
            Ok(s) => Value::ok(Value::str(s)),
            Err(e) => Value::err_str(e.to_string()),
        }
    })
}

/// `File.write(path, text)`: creates or truncates the file and writes `text`.
pub fn write(_: &mut ProcessCtx, a: &mut Args) -> NativeResult {
    let (path, text) = match path_and_text(a) {
        Ok(x) => x,
        Err(e) => return NativeResult::Error(e),
    };
    suspend(async move { unit_result(tokio::fs::write(&path, text.as_bytes()).await) })
}

/// `File.append(path, text)`: creates the file if missing and appends `text`.
pub fn append(_: &mut ProcessCtx, a: &mut Args) -> NativeResult {
    let (path, text) = match path_and_text(a) {
        Ok(x) => x,
        Err(e) => return NativeResult::Error(e),
    };
    suspend(async move {
        let r = async {
            let mut f = tokio::fs::OpenOptions::new()
                .create(true)
                .append(true)
                .open(&path)
                .await?;
            f.write_all(text.as_bytes()).await?;
            f.flush().await
        }
        .await;
        unit_result(r)
    })
}

/// `File.exists(path)`: true for existing files and directories.
pub fn exists(_: &mut ProcessCtx, a: &mut Args) -> NativeResult {
    let path = match a.str(0) {
        Ok(p) => p.to_string(),
        Err(e) => return NativeResult::Error(e),
    };
    suspend(async move { Value::Bool(tokio::fs::try_exists(&path).await.unwrap_or(false)) })
}

/// `File.delete(path)`: removes a file (not a directory).
pub fn delete(_: &mut ProcessCtx, a: &mut Args) -> NativeResult {
    let path = match a.str(0) {
        Ok(p) => p.to_string(),
        Err(e) => return NativeResult::Error(e),
    };
    suspend(async move { unit_result(tokio::fs::remove_file(&path).await) })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::natives::testing;

    async fn run(
        f: fn(&mut ProcessCtx, &mut Args) -> NativeResult,
        name: &'static str,
        mut args: Vec<Value>,
    ) -> String {
        let mut ctx = testing::ctx();
        let mut a = Args::new(name, &mut args);
        match f(&mut ctx, &mut a) {
            NativeResult::Suspend(fut) => match fut.await {
                Ok(v) => testing::show(&v),
                Err(e) => format!("native error: {e}"),
            },
            NativeResult::Value(v) => format!("unexpected value {}", testing::show(&v)),
            NativeResult::Error(e) => format!("native error: {e}"),
        }
    }

    fn temp_path(name: &str) -> String {
        let dir = std::env::temp_dir().join(format!("mesh-rt-file-{}", std::process::id()));
        let _ = std::fs::create_dir_all(&dir);
        dir.join(name).to_string_lossy().into_owned()
    }

    #[tokio::test]
    async fn write_append_read_delete() {
        let p = temp_path("a.txt");
        let ps = || Value::str(p.clone());
        assert_eq!(
            run(write, "File.write", vec![ps(), Value::str("héllo")]).await,
            "Ok(())"
        );
        assert_eq!(
            run(append, "File.append", vec![ps(), Value::str("\nmore")]).await,
            "Ok(())"
        );
        assert_eq!(run(read, "File.read", vec![ps()]).await, "Ok(héllo\nmore)");
        assert_eq!(run(exists, "File.exists", vec![ps()]).await, "true");
        assert_eq!(run(delete, "File.delete", vec![ps()]).await, "Ok(())");
        assert_eq!(run(exists, "File.exists", vec![ps()]).await, "false");
        assert_eq!(
            run(read, "File.read", vec![ps()]).await,
            "Err(No such file or directory (os error 2))"
        );
        assert_eq!(
            run(delete, "File.delete", vec![ps()]).await,
            "Err(No such file or directory (os error 2))"
        );
    }

    #[tokio::test]
    async fn append_creates_missing_files() {
        let p = temp_path("b.txt");
        let _ = std::fs::remove_file(&p);
        assert_eq!(
            run(
                append,
                "File.append",
                vec![Value::str(p.clone()), Value::str("x")]
            )
            .await,
            "Ok(())"
        );
        assert_eq!(
            run(read, "File.read", vec![Value::str(p.clone())]).await,
            "Ok(x)"
        );
        let _ = std::fs::remove_file(&p);
    }

    #[tokio::test]
    async fn directories_exist_but_cannot_be_deleted_or_read() {
        let dir = std::env::temp_dir().to_string_lossy().into_owned();
        assert_eq!(
            run(exists, "File.exists", vec![Value::str(dir.clone())]).await,
            "true"
        );
        assert!(run(delete, "File.delete", vec![Value::str(dir.clone())])
            .await
            .starts_with("Err("));
        assert!(run(read, "File.read", vec![Value::str(dir)])
            .await
            .starts_with("Err("));
    }

    #[tokio::test]
    async fn invalid_utf8_is_an_error() {
        let p = temp_path("bin.dat");
        let _ = std::fs::write(&p, [0xffu8, 0xfe]);
        assert_eq!(
            run(read, "File.read", vec![Value::str(p.clone())]).await,
            "Err(stream did not contain valid UTF-8)"
        );
        let _ = std::fs::remove_file(&p);
    }
}
