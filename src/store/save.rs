//! Atomic saving: write a temporary file beside the target, fsync it, rename it over the
//! target, fsync the folder. A failure at any step leaves the old file as it was.

use std::fmt;
use std::fs::{self, OpenOptions};
use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};

use super::describe_io;
use crate::format;
use crate::model::JourneyMap;

/// A save that did not happen; the old file is intact.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SaveError {
    pub path: PathBuf,
    pub reason: String,
}

impl fmt::Display for SaveError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} ({})", self.reason, self.path.display())
    }
}

impl std::error::Error for SaveError {}

/// Saves a map in the canonical layout.
pub fn save_map(path: &Path, map: &JourneyMap) -> Result<(), SaveError> {
    write_atomic(path, &format::encode(map))
}

static TEMP_COUNTER: AtomicU64 = AtomicU64::new(0);

/// Replaces the file at `path` with `bytes` atomically, keeping its permissions. When
/// `path` is a symbolic link, the file it points to is replaced and the link kept.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> Result<(), SaveError> {
    let fail = |error: std::io::Error| SaveError {
        path: path.to_path_buf(),
        reason: describe_io(&error),
    };
    let target = fs::canonicalize(path).unwrap_or_else(|_| path.to_path_buf());
    let folder = match target.parent() {
        Some(parent) if !parent.as_os_str().is_empty() => parent.to_path_buf(),
        _ => PathBuf::from("."),
    };
    let Some(name) = target.file_name() else {
        return Err(SaveError {
            path: path.to_path_buf(),
            reason: "the path does not name a file".to_owned(),
        });
    };
    let existing = fs::metadata(&target).ok();
    if existing.as_ref().is_some_and(|m| m.is_dir()) {
        return Err(SaveError {
            path: path.to_path_buf(),
            reason: "it is a folder, not a file".to_owned(),
        });
    }
    let temp = folder.join(format!(
        ".{}.cxmap-save-{}-{}",
        name.to_string_lossy(),
        std::process::id(),
        TEMP_COUNTER.fetch_add(1, Ordering::Relaxed)
    ));
    let written = write_synced(&temp, bytes, existing.map(|m| m.permissions()))
        .and_then(|()| fs::rename(&temp, &target));
    if let Err(error) = written {
        let _ = fs::remove_file(&temp);
        return Err(fail(error));
    }
    sync_folder(&folder).map_err(fail)?;
    remove_abandoned_temporaries(&folder, &name.to_string_lossy());
    Ok(())
}

/// Removes temporary files a save of the same file left when its process was killed
/// mid-write (they are never renamed, so they would pile up).
fn remove_abandoned_temporaries(folder: &Path, name: &str) {
    let Ok(entries) = fs::read_dir(folder) else { return };
    let prefix = format!(".{name}.cxmap-save-");
    for entry in entries.filter_map(Result::ok) {
        let file_name = entry.file_name();
        let Some(rest) = file_name.to_str().and_then(|n| n.strip_prefix(&prefix)) else {
            continue;
        };
        let pid = rest.split('-').next().and_then(|p| p.parse::<u32>().ok());
        if pid.is_some_and(|pid| pid != std::process::id() && !super::lock::is_running(pid)) {
            let _ = fs::remove_file(entry.path());
        }
    }
}

/// Makes the rename durable by flushing the folder's entry. Windows will not open a folder
/// as a file, so there the rename is as durable as the file system makes it.
#[cfg(unix)]
fn sync_folder(folder: &Path) -> std::io::Result<()> {
    fs::File::open(folder)?.sync_all()
}

#[cfg(not(unix))]
fn sync_folder(_folder: &Path) -> std::io::Result<()> {
    Ok(())
}

fn write_synced(temp: &Path, bytes: &[u8], permissions: Option<fs::Permissions>) -> std::io::Result<()> {
    let mut file = OpenOptions::new().write(true).create_new(true).open(temp)?;
    file.write_all(bytes)?;
    if let Some(permissions) = permissions {
        file.set_permissions(permissions)?;
    }
    file.sync_all()
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::os::unix::fs::PermissionsExt;

    #[test]
    fn replaces_content_and_keeps_permissions() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("map.json");
        fs::write(&path, "old").unwrap();
        fs::set_permissions(&path, fs::Permissions::from_mode(0o600)).unwrap();
        write_atomic(&path, b"new").unwrap();
        assert_eq!(fs::read_to_string(&path).unwrap(), "new");
        assert_eq!(fs::metadata(&path).unwrap().permissions().mode() & 0o777, 0o600);
        let leftovers: Vec<_> = fs::read_dir(dir.path()).unwrap().collect();
        assert_eq!(leftovers.len(), 1, "no temporary file is left behind");
    }

    #[test]
    fn temporaries_of_killed_saves_are_cleaned_up() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("map.json");
        let mut child = std::process::Command::new("true").spawn().unwrap();
        let dead = child.id();
        child.wait().unwrap();
        let abandoned = dir.path().join(format!(".map.json.cxmap-save-{dead}-3"));
        let live = dir.path().join(".map.json.cxmap-save-1-0");
        let other = dir.path().join(format!(".other.json.cxmap-save-{dead}-0"));
        for file in [&abandoned, &live, &other] {
            fs::write(file, "half a map").unwrap();
        }
        write_atomic(&path, b"{}").unwrap();
        assert!(!abandoned.exists(), "a dead process's temporary goes");
        assert!(live.exists(), "process 1 is running: its temporary stays");
        assert!(other.exists(), "another file's temporaries are not ours to judge");
    }

    #[test]
    fn creates_a_missing_file() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("new.json");
        write_atomic(&path, b"{}").unwrap();
        assert_eq!(fs::read_to_string(&path).unwrap(), "{}");
    }

    #[test]
    fn a_missing_folder_fails_with_a_reason() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("nowhere").join("map.json");
        let error = write_atomic(&path, b"{}").unwrap_err();
        assert!(error.to_string().contains("does not exist"), "{error}");
    }

    #[test]
    fn saving_through_a_symlink_keeps_the_link() {
        let dir = tempfile::tempdir().unwrap();
        let real = dir.path().join("real.json");
        let link = dir.path().join("link.json");
        fs::write(&real, "old").unwrap();
        std::os::unix::fs::symlink(&real, &link).unwrap();
        write_atomic(&link, b"new").unwrap();
        assert!(fs::symlink_metadata(&link).unwrap().file_type().is_symlink());
        assert_eq!(fs::read_to_string(&real).unwrap(), "new");
    }
}
