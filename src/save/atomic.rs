//! Writing a file whole or not at all: the bytes go to a temporary file
//! beside it, which is flushed to disk and then renamed over the old one. A
//! failure at any point leaves the earlier file as it was.

use std::io::Write;
use std::path::{Path, PathBuf};

/// The temporary file a write goes through.
fn temporary(path: &Path) -> PathBuf {
    let name = path.file_name().map(|n| n.to_string_lossy().to_string()).unwrap_or_default();
    path.with_file_name(format!(".{name}.part"))
}

/// Writes `bytes` to `path` whole or not at all.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    write_atomic_with(path, bytes, |file, bytes| file.write_all(bytes))
}

/// As [`write_atomic`], with the writing itself given, so that tests can make
/// it fail half way.
pub fn write_atomic_with(
    path: &Path,
    bytes: &[u8],
    write: impl FnOnce(&mut std::fs::File, &[u8]) -> std::io::Result<()>,
) -> std::io::Result<()> {
    if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
        std::fs::create_dir_all(dir)?;
    }
    let part = temporary(path);
    let result = (|| {
        let mut file = std::fs::File::create(&part)?;
        write(&mut file, bytes)?;
        file.sync_all()?;
        drop(file);
        std::fs::rename(&part, path)
    })();
    if result.is_err() {
        let _ = std::fs::remove_file(&part);
    }
    result
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_write_that_fails_half_way_leaves_the_old_file_and_no_litter() {
        let dir = std::env::temp_dir().join(format!("petrograd-atomic-{}", std::process::id()));
        let path = dir.join("a.txt");
        write_atomic(&path, b"old and whole").unwrap();
        let failed = write_atomic_with(&path, b"new text that never lands", |file, bytes| {
            file.write_all(&bytes[..5])?;
            Err(std::io::Error::other("the disk is full"))
        });
        assert!(failed.is_err());
        assert_eq!(std::fs::read(&path).unwrap(), b"old and whole");
        assert!(!temporary(&path).exists(), "the temporary file was left behind");
        write_atomic(&path, b"new").unwrap();
        assert_eq!(std::fs::read(&path).unwrap(), b"new");
        std::fs::remove_dir_all(&dir).unwrap();
    }
}
