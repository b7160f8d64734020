//! Standalone executables: a copy of this very executable with the program image appended
//! (the approach of `deno compile`). At start-up `meshc` looks at its own tail; if it
//! carries an image, it runs that program instead of acting as the toolchain.
//!
//! Layout of the tail: `image bytes | image length (u64 LE) | IMAGE_MAGIC (8 bytes)`.

use mesh_vm::bytecode::IMAGE_MAGIC;
use mesh_vm::Image;
use std::fs::File;
use std::io::{Read, Seek, SeekFrom, Write};
use std::path::Path;

/// The image appended to the running executable, if any.
pub fn embedded_image() -> Option<Vec<u8>> {
    let exe = std::env::current_exe().ok()?;
    let mut f = File::open(exe).ok()?;
    let len = f.seek(SeekFrom::End(0)).ok()?;
    if len < 16 {
        return None;
    }
    f.seek(SeekFrom::End(-16)).ok()?;
    let mut tail = [0u8; 16];
    f.read_exact(&mut tail).ok()?;
    if &tail[8..] != IMAGE_MAGIC {
        return None;
    }
    let mut n = [0u8; 8];
    n.copy_from_slice(&tail[..8]);
    let size = u64::from_le_bytes(n);
    if size > len - 16 {
        return None;
    }
    f.seek(SeekFrom::End(-16 - size as i64)).ok()?;
    let mut buf = vec![0u8; size as usize];
    f.read_exact(&mut buf).ok()?;
    Some(buf)
}

/// Writes `out` = this executable (without any image it carries) + `image`.
pub fn write_executable(image: &Image, out: &Path) -> Result<(), String> {
    let exe = std::env::current_exe().map_err(|e| format!("cannot locate meshc itself: {e}"))?;
    let mut runtime =
        std::fs::read(&exe).map_err(|e| format!("cannot read {}: {e}", exe.display()))?;
    // If meshc itself carries an image (it should not), strip it.
    if runtime.len() >= 16 && &runtime[runtime.len() - 8..] == IMAGE_MAGIC {
        let mut n = [0u8; 8];
        n.copy_from_slice(&runtime[runtime.len() - 16..runtime.len() - 8]);
        let size = u64::from_le_bytes(n) as usize;
        let keep = runtime.len().saturating_sub(16 + size);
        runtime.truncate(keep);
    }
    let bytes = image.to_bytes();
    // Write to a temporary file next to the target, then rename: a running copy of the
    // old executable is never truncated under its feet.
    let tmp = out.with_extension("mesh-tmp");
    let mut f = File::create(&tmp).map_err(|e| format!("cannot create {}: {e}", tmp.display()))?;
    f.write_all(&runtime)
        .and_then(|_| f.write_all(&bytes))
        .and_then(|_| f.write_all(&(bytes.len() as u64).to_le_bytes()))
        .and_then(|_| f.write_all(IMAGE_MAGIC))
        .map_err(|e| format!("cannot write {}: {e}", tmp.display()))?;
    drop(f);
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(&tmp, std::fs::Permissions::from_mode(0o755))
            .map_err(|e| format!("cannot make {} executable: {e}", tmp.display()))?;
    }
    std::fs::rename(&tmp, out).map_err(|e| format!("cannot write {}: {e}", out.display()))?;
    Ok(())
}
